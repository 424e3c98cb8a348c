using System.Net.Http.Headers;
using Recommender.Alibaba.Cs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Emulators.Alibaba;
using static Recommender.Alibaba.Tests.CsTestEnvironment;

namespace Recommender.Alibaba.Tests;

/// <summary>
/// CS failures as the client sees them: vendor codes and statuses (contract §4.5, §6), what is retried, what is
/// transient, and the credentials of the organisation. Real clock, CS delays scaled to nothing.
/// </summary>
public sealed class CsErrorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Task<CsTestEnvironment> StartAsync(string keyId = EcsEmulatorOptions.DefaultAccessKeyId, string secret = EcsEmulatorOptions.DefaultAccessKeySecret) =>
        CsTestEnvironment.StartAsync(fakeClock: false, configure: o => o.Cs.TimeScale = 0, keyId: keyId, secret: secret);

    [Fact]
    public async Task A_wrong_secret_is_SignatureDoesNotMatch_and_not_retried()
    {
        await using var env = await StartAsync(secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.CreateClusterAsync(Region, CsRequests.Managed("x"), Acme, None));

        Assert.Equal((AlibabaErrorCodes.SignatureDoesNotMatch, 400), (error.VendorCode, error.HttpStatus));
        Assert.False(error.IsTransient);
        Assert.Equal(1, env.Emulator.Counters.Total);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_is_InvalidAccessKeyId_NotFound()
    {
        await using var env = await StartAsync(keyId: "LTAI-nobody");

        var error = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.DescribeClustersAsync(Region, null, null, Acme, None));

        Assert.Equal((AlibabaErrorCodes.AccessKeyNotFound, 404), (error.VendorCode, error.HttpStatus));
        Assert.False(error.IsTransient);
        Assert.Equal(1, env.Emulator.Counters.Total);
    }

    [Fact]
    public async Task An_organisation_without_a_stored_secret_fails_before_any_request()
    {
        await using var env = await StartAsync();
        var other = CredentialReference.OfOrganization("globex", "alibaba-prod");

        var error = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.DescribeClustersAsync(Region, null, null, other, None));

        Assert.Equal(AlibabaErrorCodes.ClientNoCredentials, error.VendorCode);
        Assert.Equal(0, env.Emulator.Counters.Total);
        Assert.Equal([other], env.Credentials.Requested);
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_servers_wait_and_then_succeeds()
    {
        await using var env = await StartAsync();
        var clusterId = await env.RunningClusterAsync("busy");
        var faults = env.Emulator.Faults.For("DescribeClusterNodePools");
        (faults.ThrottleNext, faults.ThrottleTimeLeftMs) = (2, 20);

        var pools = await env.Cs.DescribeNodePoolsAsync(Region, clusterId, Acme, None);

        Assert.Empty(pools);
        Assert.Equal(3, env.Emulator.Counters.Calls("DescribeClusterNodePools"));
        Assert.Equal(2, env.Emulator.Counters.Errors(AlibabaErrorCodes.ThrottlingUser));
        Assert.Equal(3, env.Emulator.Counters.Requests.Where(r => r.Action == "DescribeClusterNodePools").Select(r => r.Nonce).Distinct().Count());
    }

    [Fact]
    public async Task Throttling_that_does_not_end_reports_the_servers_wait_after_the_throttling_budget()
    {
        await using var env = await StartAsync();
        var faults = env.Emulator.Faults.For("DescribeClustersV1");
        (faults.ThrottleNext, faults.ThrottleTimeLeftMs) = (100, 15);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.DescribeClustersAsync(Region, null, null, Acme, None));

        Assert.Equal((AlibabaErrorCodes.ThrottlingUser, 400), (error.VendorCode, error.HttpStatus));
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromMilliseconds(15), error.RetryAfter);
        Assert.Equal(5, env.Emulator.Counters.Calls("DescribeClustersV1"));
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        await using var env = await StartAsync();
        var clusterId = await env.RunningClusterAsync("flaky");
        env.Emulator.Faults.For("DescribeClusterDetail").ServerErrorNext = 2;

        var cluster = await env.Cs.DescribeClusterDetailAsync(Region, clusterId, Acme, None);

        Assert.Equal(CsCluster.Running, cluster.State);
        Assert.Equal(2, env.Emulator.Counters.Errors(AlibabaErrorCodes.ServiceUnavailable));
    }

    [Theory]
    [InlineData(400, AlibabaErrorCodes.QuotaExceededNode)]
    [InlineData(400, "QuotaExceed.Node")]
    [InlineData(400, AlibabaErrorCodes.InsufficientBalance)]
    public async Task Quota_and_balance_errors_are_permanent_and_not_retried(int status, string code)
    {
        await using var env = await StartAsync();
        var clusterId = await env.RunningClusterAsync("quota");
        env.Emulator.Faults.For("CreateClusterNodePool").FailNext(status, code);

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            env.Cs.CreateNodePoolAsync(Region, clusterId, CsRequests.Pool("workers", 3, "ecs.g9.large"), Acme, None));

        Assert.Equal((code, status), (error.VendorCode, error.HttpStatus));
        Assert.True(AlibabaErrorCodes.IsQuotaOrBalance(error.VendorCode));
        Assert.False(error.IsTransient);
        Assert.NotNull(error.RequestId);
        Assert.Equal(1, env.Emulator.Counters.Calls("CreateClusterNodePool"));
        Assert.Empty(await env.Cs.DescribeNodePoolsAsync(Region, clusterId, Acme, None));
    }

    [Fact]
    public async Task ErrorCheckAcl_is_access_denied_and_permanent()
    {
        await using var env = await StartAsync();
        env.Emulator.Faults.For("CreateCluster").FailNext(403, AlibabaErrorCodes.CheckAcl, "RAM policy denies cs:CreateCluster.");

        var error = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.CreateClusterAsync(Region, CsRequests.Managed("denied"), Acme, None));

        Assert.Equal((AlibabaErrorCodes.CheckAcl, 403), (error.VendorCode, error.HttpStatus));
        Assert.True(AlibabaErrorCodes.IsAccessDenied(error.VendorCode));
        Assert.False(error.IsTransient);
        Assert.Equal(1, env.Emulator.Counters.Total);
    }

    [Fact]
    public async Task A_pool_on_a_cluster_still_being_created_is_ErrorClusterState_transient_but_not_retried()
    {
        await using var env = await CsTestEnvironment.StartAsync(fakeClock: false);
        var created = await env.Cs.CreateClusterAsync(Region, CsRequests.Managed("early"), Acme, None);

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            env.Cs.CreateNodePoolAsync(Region, created.ClusterId!, CsRequests.Pool("workers", 1, "ecs.g9.large"), Acme, None));

        Assert.Equal((AlibabaErrorCodes.ClusterState, 400), (error.VendorCode, error.HttpStatus));
        Assert.True(error.IsTransient);
        Assert.False(AlibabaErrorCodes.IsRetryable(error.VendorCode, error.HttpStatus));
        Assert.Equal(1, env.Emulator.Counters.Calls("CreateClusterNodePool"));
    }

    public static TheoryData<string, NodePool, string, string> InvalidPools => new()
    {
        { "no instance types", CsRequests.Pool("p", 1) with { ScalingGroup = CsRequests.Pool("p", 1).ScalingGroup! with { InstanceTypes = null } },
            AlibabaErrorCodes.MissingParameter, "scaling_group.instance_types" },
        { "no vswitches", CsRequests.Pool("p", 1, "ecs.g9.large") with { ScalingGroup = CsRequests.Pool("p", 1, "ecs.g9.large").ScalingGroup! with { VswitchIds = [] } },
            AlibabaErrorCodes.MissingParameter, "scaling_group.vswitch_ids" },
        { "no name", CsRequests.Pool("p", 1, "ecs.g9.large") with { NodepoolInfo = new NodePoolInfo() }, AlibabaErrorCodes.MissingParameter, "nodepool_info.name" },
        { "no scaling group", new NodePool { NodepoolInfo = new NodePoolInfo { Name = "p" } }, AlibabaErrorCodes.MissingParameter, "scaling_group" },
        { "price limit for another type", CsRequests.Pool("p", 1, "ecs.g9.large") with
            {
                ScalingGroup = CsRequests.Pool("p", 1, "ecs.g9.large").ScalingGroup! with
                {
                    SpotStrategy = NodePoolScalingGroup.SpotWithPriceLimit, SpotPriceLimit = [new SpotPriceLimit("ecs.c9.large", "0.1")],
                },
            }, AlibabaErrorCodes.InvalidParameter, "spot_price_limit[].instance_type" },
        { "auto scaling min above max", CsRequests.Pool("p", 1, "ecs.g9.large") with { AutoScaling = new NodePoolAutoScaling { Enable = true, MinInstances = 4, MaxInstances = 2 } },
            AlibabaErrorCodes.InvalidParameter, "auto_scaling.min_instances" },
        { "unknown spot strategy", CsRequests.Pool("p", 1, "ecs.g9.large") with
            { ScalingGroup = CsRequests.Pool("p", 1, "ecs.g9.large").ScalingGroup! with { SpotStrategy = "Cheap" } }, AlibabaErrorCodes.InvalidParameter, "scaling_group.spot_strategy" },
    };

    [Theory]
    [MemberData(nameof(InvalidPools))]
    public async Task Invalid_node_pool_bodies_are_answered_400_with_the_field(string why, NodePool pool, string code, string field)
    {
        await using var env = await StartAsync();
        var clusterId = await env.RunningClusterAsync("strict");

        var error = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.CreateNodePoolAsync(Region, clusterId, pool, Acme, None));

        Assert.True((code, 400) == (error.VendorCode, error.HttpStatus), $"{why}: {error.Message}");
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Equal(1, env.Emulator.Counters.Calls("CreateClusterNodePool"));
    }

    public static TheoryData<string, CreateClusterRequest, string, string> InvalidClusters => new()
    {
        { "no vpc", CsRequests.Managed("c") with { VpcId = null }, AlibabaErrorCodes.MissingParameter, "vpcid" },
        { "no name", CsRequests.Managed(string.Empty), AlibabaErrorCodes.MissingParameter, "name" },
        { "unknown region", CsRequests.Managed("c") with { RegionId = "mars-north-1" }, AlibabaErrorCodes.InvalidParameter, "region_id" },
        { "unknown type", CsRequests.Managed("c") with { ClusterType = "Mystery" }, AlibabaErrorCodes.InvalidParameter, "cluster_type" },
        { "four masters", CreateClusterRequest.Dedicated("d", Region, CsRequests.VpcId, ["vsw-a"], "ecs.g9.xlarge", 4), AlibabaErrorCodes.InvalidParameter, "master_count" },
        { "masters without types", CreateClusterRequest.Dedicated("d", Region, CsRequests.VpcId, ["vsw-a"], "ecs.g9.xlarge") with { MasterInstanceTypes = ["ecs.g9.xlarge"] },
            AlibabaErrorCodes.InvalidParameter, "master_instance_types" },
        { "pool inside without types", CsRequests.Managed("c") with { Nodepools = [CsRequests.Pool("p", 1)] }, AlibabaErrorCodes.MissingParameter, "nodepools[].scaling_group.instance_types" },
    };

    [Theory]
    [MemberData(nameof(InvalidClusters))]
    public async Task Invalid_cluster_bodies_are_answered_400_with_the_field(string why, CreateClusterRequest request, string code, string field)
    {
        await using var env = await StartAsync();

        var error = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.CreateClusterAsync(Region, request, Acme, None));

        Assert.True((code, 400) == (error.VendorCode, error.HttpStatus), $"{why}: {error.Message}");
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(await env.Cs.DescribeClustersAsync(Region, null, null, Acme, None));
    }

    [Fact]
    public void x_acs_retry_after_is_a_throttling_hint_and_the_longest_hint_wins()
    {
        using var response = new HttpResponseMessage();
        HttpResponseHeaders headers = response.Headers;
        headers.TryAddWithoutValidation("x-acs-retry-after", "1500");
        Assert.Equal(TimeSpan.FromMilliseconds(1500), ThrottleHints.RetryAfter(headers));

        headers.TryAddWithoutValidation("x-ratelimit-user", "Limit:1,Remain:0,TimeLeft:2500,Reset:1");
        Assert.Equal(TimeSpan.FromMilliseconds(2500), ThrottleHints.RetryAfter(headers));

        headers.Remove("x-ratelimit-user");
        headers.Remove("x-acs-retry-after");
        headers.TryAddWithoutValidation("x-acs-retry-after", "soon");
        Assert.Null(ThrottleHints.RetryAfter(headers));
    }
}
