using Recommender.Alibaba.Cs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Errors;
using static Recommender.Alibaba.Tests.CsTestEnvironment;

namespace Recommender.Alibaba.Tests;

/// <summary>Clusters through the real <see cref="CsClient"/>: create, poll, adopt by name, delete (contract §4, §4.1, §4.2, §4.4).</summary>
public sealed class CsClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Managed_cluster_is_initial_until_its_create_task_succeeds_then_running()
    {
        await using var env = await StartAsync();

        var created = await env.Cs.CreateClusterAsync(Region, CsRequests.Managed("shop-prod"), Acme, None);
        var task = await env.Cs.DescribeTaskInfoAsync(Region, created.TaskId!, Acme, None);
        var cluster = await env.Cs.DescribeClusterDetailAsync(Region, created.ClusterId!, Acme, None);

        Assert.Matches("^c[0-9a-f]{32}$", created.ClusterId);
        Assert.NotNull(created.RequestId);
        Assert.Equal((CsTask.Running, "cluster_create", created.ClusterId), (task.State, task.TaskType, task.ClusterId));
        Assert.False(task.IsFinished);
        Assert.Equal((CsCluster.Initial, "shop-prod", CreateClusterRequest.ManagedKubernetes), (cluster.State, cluster.Name, cluster.ClusterType));
        Assert.Equal((CsRequests.VpcId, CreateClusterRequest.ProSpec, Region), (cluster.VpcId, cluster.ClusterSpec, cluster.RegionId));
        Assert.Equal(["vsw-acme-a", "vsw-acme-b"], cluster.VswitchIds);
        Assert.Null(cluster.ApiServerEndpoint());

        env.Advance(env.Timings.ClusterCreate - TimeSpan.FromSeconds(1));
        Assert.Equal(CsCluster.Initial, (await env.Cs.DescribeClusterDetailAsync(Region, created.ClusterId!, Acme, None)).State);

        env.Advance(TimeSpan.FromSeconds(1));
        task = await env.Cs.DescribeTaskInfoAsync(Region, created.TaskId!, Acme, None);
        cluster = await env.Cs.DescribeClusterDetailAsync(Region, created.ClusterId!, Acme, None);
        Assert.True(task.Succeeded);
        Assert.Equal((created.ClusterId, "cluster"), (task.Target?.Id, task.Target?.Type));
        Assert.Equal(CsCluster.Running, cluster.State);
        Assert.StartsWith($"https://{created.ClusterId}.", cluster.ApiServerEndpoint(), StringComparison.Ordinal);
        Assert.True(cluster.Updated > cluster.Created);

        // Every call was signed (V3) with the organisation's secret, never a service account's.
        Assert.All(env.Credentials.Requested, r => Assert.Equal(Acme, r));
        Assert.All(env.Emulator.Counters.Requests, r => Assert.Equal(("V3", 200), (r.Scheme, r.Status)));
    }

    [Fact]
    public async Task Dedicated_cluster_runs_three_masters_of_the_requested_type()
    {
        await using var env = await StartAsync();
        var request = CreateClusterRequest.Dedicated("legacy", Region, CsRequests.VpcId, ["vsw-a", "vsw-b"], "ecs.g9.xlarge");

        var created = await env.Cs.CreateClusterAsync(Region, request, Acme, None);
        env.Advance(env.Timings.ClusterCreate);
        var cluster = await env.Cs.DescribeClusterDetailAsync(Region, created.ClusterId!, Acme, None);
        var nodes = await env.Cs.DescribeClusterNodesAsync(Region, created.ClusterId!, null, Acme, None);

        Assert.Equal(["vsw-a", "vsw-b", "vsw-a"], request.MasterVswitchIds);
        Assert.Equal((CsCluster.Running, CreateClusterRequest.DedicatedKubernetes, 3), (cluster.State, cluster.ClusterType, cluster.Size));
        Assert.Equal(3, nodes.Count);
        Assert.All(nodes, n => Assert.Equal((ClusterNode.Master, "ecs.g9.xlarge", "ecs.g9", string.Empty, "running"), (n.InstanceRole, n.InstanceType, n.InstanceTypeFamily, n.NodepoolId, n.State)));
        Assert.Equal(3, nodes.Select(n => n.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task Adopting_by_name_finds_the_exact_name_among_fuzzy_matches_across_pages()
    {
        await using var env = await StartAsync();
        // fleet-10 … fleet-110: "fleet-7" matches ten of them as a substring, none exactly.
        for (var i = 10; i <= 110; i++)
        {
            await env.Cs.CreateClusterAsync(Region, CsRequests.Managed($"fleet-{i}"), Acme, None);
        }

        var wanted = await env.Cs.CreateClusterAsync(Region, CsRequests.Managed("fleet-7"), Acme, None);
        env.Emulator.Counters.Reset();

        var fuzzy = await env.Cs.DescribeClustersAsync(Region, "fleet", null, Acme, None);
        var pages = env.Emulator.Counters.Calls("DescribeClustersV1");
        var adopted = await env.Cs.FindClustersByNameAsync(Region, "fleet-7", Acme, None);

        Assert.Equal(102, fuzzy.Select(c => c.ClusterId).Distinct().Count());
        Assert.Equal(2, pages);
        Assert.Equal([wanted.ClusterId], adopted.Select(c => c.ClusterId));
        Assert.Empty(await env.Cs.FindClustersByNameAsync(Region, "fleet", Acme, None));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    public async Task Delete_is_accepted_with_any_2xx_and_the_cluster_is_gone_when_its_task_succeeds(int status)
    {
        await using var env = await StartAsync(configure: o => o.Cs.DeleteClusterStatus = status);
        var clusterId = await env.RunningClusterAsync("short-lived");
        await env.Cs.CreateNodePoolAsync(Region, clusterId, CsRequests.Pool("workers", 2, "ecs.g9.large"), Acme, None);

        var deleted = await env.Cs.DeleteClusterAsync(Region, clusterId, false, Acme, None);
        var deleting = await env.Cs.DescribeClusterDetailAsync(Region, clusterId, Acme, None);
        env.Advance(env.Timings.ClusterDelete);
        var task = await env.Cs.DescribeTaskInfoAsync(Region, deleted.TaskId!, Acme, None);
        var gone = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.DescribeClusterDetailAsync(Region, clusterId, Acme, None));

        Assert.Equal(status, env.Emulator.Counters.Requests.Single(r => r.Action == "DeleteCluster").Status);
        Assert.Equal(clusterId, deleted.ClusterId);
        Assert.Equal(CsCluster.Deleting, deleting.State);
        Assert.Equal(("cluster_delete", CsTask.Success), (task.TaskType, task.State));
        Assert.Equal((AlibabaErrorCodes.ClusterNotFound, 404), (gone.VendorCode, gone.HttpStatus));
        Assert.True(AlibabaErrorCodes.IsNotFound(gone.VendorCode));
        Assert.False(gone.IsTransient);
        Assert.Empty(await env.Cs.FindClustersByNameAsync(Region, "short-lived", Acme, None));
    }

    [Fact]
    public async Task Kubeconfig_is_temporary_and_points_at_the_cluster()
    {
        await using var env = await StartAsync();
        var clusterId = await env.RunningClusterAsync("with-access");

        var kubeconfig = await env.Cs.DescribeUserKubeconfigAsync(Region, clusterId, 60, false, Acme, None);
        var internalOne = await env.Cs.DescribeUserKubeconfigAsync(Region, clusterId, 15, true, Acme, None);

        Assert.Contains($"server: https://{clusterId}.", kubeconfig.Config, StringComparison.Ordinal);
        Assert.Contains("server: https://192.168.", internalOne.Config, StringComparison.Ordinal);
        var expected = env.Clock!.GetUtcNow().AddMinutes(60);
        Assert.Equal(expected.ToUnixTimeSeconds(), kubeconfig.Expiration?.ToUnixTimeSeconds());
        Assert.DoesNotContain("client-key-data", kubeconfig.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubeconfig_of_a_cluster_still_being_created_is_refused()
    {
        await using var env = await StartAsync();
        var created = await env.Cs.CreateClusterAsync(Region, CsRequests.Managed("not-yet"), Acme, None);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.DescribeUserKubeconfigAsync(Region, created.ClusterId!, 60, false, Acme, None));

        Assert.Equal((AlibabaErrorCodes.ClusterState, 400), (error.VendorCode, error.HttpStatus));
        Assert.Equal(1, env.Emulator.Counters.Calls("DescribeClusterUserKubeconfig"));
    }

    [Fact]
    public async Task A_failed_create_task_leaves_the_cluster_failed_with_the_tasks_error()
    {
        await using var env = await StartAsync();
        env.Emulator.Faults.For("CreateCluster").TaskFailNext = 1;
        env.Emulator.Faults.For("CreateCluster").TaskFailureCode = AlibabaErrorCodes.QuotaExceededCluster;

        var created = await env.Cs.CreateClusterAsync(Region, CsRequests.Managed("doomed"), Acme, None);
        env.Advance(env.Timings.ClusterCreate);
        var task = await env.Cs.DescribeTaskInfoAsync(Region, created.TaskId!, Acme, None);
        var cluster = await env.Cs.DescribeClusterDetailAsync(Region, created.ClusterId!, Acme, None);

        Assert.True(task.HasFailed);
        Assert.Equal(AlibabaErrorCodes.QuotaExceededCluster, task.Error?.Code);
        Assert.Equal(CsCluster.Failed, cluster.State);
        Assert.Equal(0, env.Emulator.Faults.For("CreateCluster").TaskFailNext);
    }
}
