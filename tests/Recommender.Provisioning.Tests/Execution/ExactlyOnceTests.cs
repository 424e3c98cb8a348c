using Recommender.Alibaba.OpenApi;
using Recommender.Core.Cloud;
using Recommender.Provisioning.Execution;
using Recommender.Provisioning.Operations;
using Recommender.Testing.Stores;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>Creates whose answers were lost after ACK carried them out are found again by name and tag, never sent twice.</summary>
public sealed class ExactlyOnceTests : IAsyncLifetime
{
    private ProvisioningEnvironment env = null!;

    public async Task InitializeAsync() => env = await ProvisioningEnvironment.StartAsync();

    public async Task DisposeAsync() => await env.DisposeAsync();

    [Fact]
    public async Task A_create_cluster_whose_answer_was_lost_is_adopted_not_repeated()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        var name = TestInputs.NewName();
        env.Dropper.DropNext("CreateCluster");
        env.Dropper.DropNext("CreateClusterNodePool");
        await env.StartRunnerAsync();

        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, name, env.CatalogRegion), null, CancellationToken.None);
        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.Succeeded, done.State);
        var create = done.Steps.Single(s => s.Name == StepNames.CreateCluster);
        Assert.Equal(2, create.Attempts);
        Assert.Contains("\"adopted\":true", create.Output, StringComparison.Ordinal);
        Assert.Equal(1, env.Emulator.Counters.Successes("CreateCluster"));
        Assert.Equal(3, env.Emulator.Counters.Successes("CreateClusterNodePool"));
        var account = CredentialReference.OfOrganization(org, secretId);
        var cluster = Assert.Single(await env.Cs.FindClustersByNameAsync(ProvisioningEnvironment.Region, name, account, CancellationToken.None));
        Assert.Equal(cluster.ClusterId, create.ClusterId);
        var pools = await env.Cs.DescribeNodePoolsAsync(ProvisioningEnvironment.Region, cluster.ClusterId, account, CancellationToken.None);
        Assert.Equal(3, pools.Count);
        Assert.Single(done.Steps, s => s.Name == StepNames.CreateNodePool && s.Attempts == 2 && s.Output!.Contains("adopted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_error_on_create_is_not_resent_by_the_client_and_the_step_finds_nothing_then_creates()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        env.Emulator.Faults.For("CreateCluster").ServerErrorNext = 1;
        await env.StartRunnerAsync();

        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None);
        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.Succeeded, done.State);
        Assert.Equal(2, env.Emulator.Counters.Calls("CreateCluster"));
        Assert.Equal(1, env.Emulator.Counters.Calls("DescribeClustersV1"));
        Assert.Equal(2, done.Steps.Single(s => s.Name == StepNames.CreateCluster).Attempts);
        Assert.Equal(AlibabaErrorCodes.ServiceUnavailable, env.Emulator.Counters.Requests.First(r => r.Action == "CreateCluster").ErrorCode);
    }
}
