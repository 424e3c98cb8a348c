using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;
using Recommender.Provisioning.Execution;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Operations;
using Recommender.Provisioning.Plans;
using Recommender.Testing.Stores;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>ApplyLayout (dry run and real), DeleteCluster, and one organisation never seeing another's clusters or operations.</summary>
public sealed class ExistingClusterTests : IAsyncLifetime
{
    private ProvisioningEnvironment env = null!;
    private string org = null!;
    private string secretId = null!;
    private string clusterId = null!;
    private ProvisioningOperation created = null!;

    public async Task InitializeAsync()
    {
        env = await ProvisioningEnvironment.StartAsync();
        org = TestSecrets.NewOrganization();
        secretId = await env.AddSecretAsync(org);
        await env.StartRunnerAsync();
        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None);
        created = await env.WaitForEndAsync(org, started.Id);
        clusterId = created.Steps[1].ClusterId!;
    }

    public async Task DisposeAsync() => await env.DisposeAsync();

    [Fact]
    public async Task A_dry_run_plans_scale_and_create_with_the_price_change_and_changes_nothing()
    {
        var layout = Grown();
        var types = TestInputs.Buyable(env.CatalogRegion);

        var result = await env.Service.StartApplyLayoutAsync(org, clusterId, layout, dryRun: true, deleteUnlistedPools: false, null, CancellationToken.None);

        Assert.Null(result.Operation);
        var plan = result.Plan;
        Assert.Equal(
            [("system", NodePoolChangeKind.Unchanged, 1, 1), ("workers", NodePoolChangeKind.Scale, 2, 4), ("gpu", NodePoolChangeKind.Create, 0, 2), ("batch", NodePoolChangeKind.Unchanged, 2, 2)],
            plan.Changes.Select(c => (c.Name, c.Kind, c.FromCount, c.ToCount)));
        Assert.Equal((2 * types[1].OnDemandPrice) + (2 * types[3].OnDemandPrice), plan.HourlyPriceChange);
        Assert.Equal("USD", plan.Currency);
        Assert.Equal(0, env.Emulator.Counters.Calls("ModifyClusterNodePool"));
        Assert.Single((await env.Service.ListAsync(org, new OperationQuery(), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Apply_layout_scales_a_pool_creates_a_missing_one_and_never_deletes_unasked()
    {
        var result = await env.Service.StartApplyLayoutAsync(org, clusterId, Grown(), dryRun: false, deleteUnlistedPools: false, "apply-1", CancellationToken.None);
        var done = await env.WaitForEndAsync(org, result.Operation!.Id);

        Assert.Equal(OperationState.Succeeded, done.State);
        Assert.Equal(
            [StepNames.ReadCredentials, StepNames.PlanLayout, StepNames.ScaleNodePool, StepNames.CreateNodePool, StepNames.WaitForNodePool, StepNames.WaitForNodePool],
            done.Steps.Select(s => s.Name));
        var account = CredentialReference.OfOrganization(org, secretId);
        var pools = await env.Cs.DescribeNodePoolsAsync(ProvisioningEnvironment.Region, clusterId, account, CancellationToken.None);
        Assert.Equal([("batch", 2), ("gpu", 2), ("system", 1), ("workers", 4)], pools.Select(p => (p.NodepoolInfo!.Name!, p.ScalingGroup!.DesiredSize ?? -1)).Order());

        var shrink = new LayoutSpec { Pools = [Grown().Pools[1] with { NodeCount = 1 }] };
        var second = await env.Service.StartApplyLayoutAsync(org, clusterId, shrink, dryRun: false, deleteUnlistedPools: true, null, CancellationToken.None);
        Assert.Equal(3, second.Plan.Changes.Count(c => c.Kind == NodePoolChangeKind.Delete));
        Assert.True(second.Plan.HourlyPriceChange < 0);
        var pruned = await env.WaitForEndAsync(org, second.Operation!.Id);
        Assert.Equal(OperationState.Succeeded, pruned.State);
        var left = Assert.Single(await env.Cs.DescribeNodePoolsAsync(ProvisioningEnvironment.Region, clusterId, account, CancellationToken.None));
        Assert.Equal(("workers", 1), (left.NodepoolInfo!.Name, left.ScalingGroup!.DesiredSize));
    }

    [Fact]
    public async Task A_failed_apply_is_rolled_back_by_deleting_the_pools_it_created_and_scaling_back_the_ones_it_grew()
    {
        env.Emulator.Faults.For("CreateClusterNodePool").TaskFailNext = 1;
        var result = await env.Service.StartApplyLayoutAsync(org, clusterId, Grown(), dryRun: false, deleteUnlistedPools: false, null, CancellationToken.None);
        var failed = await env.WaitForEndAsync(org, result.Operation!.Id);
        Assert.Equal(OperationState.Failed, failed.State);
        Assert.Equal((StepNames.WaitForNodePool, "gpu"), failed.Steps.Where(s => s.State == OperationStepState.Failed).Select(s => (s.Name, s.NodePool!)).Single());

        // A retried wait sees the failed nodes without the task: the operation fails again, clearly, rather than pass.
        await env.Service.RetryAsync(org, failed.Id, CancellationToken.None);
        var again = await env.WaitForEndAsync(org, failed.Id);
        Assert.Equal("NodePool.FailedNodes", again.Steps.Single(s => s.State == OperationStepState.Failed).VendorCode);

        await env.Service.RollBackAsync(org, failed.Id, CancellationToken.None);
        var done = await env.WaitForEndAsync(org, failed.Id);

        Assert.Equal(OperationState.RolledBack, done.State);
        Assert.Equal(
            [("RollBackDeleteClusterNodePool", "gpu"), ("RollBackScaleNodePool", "workers"), ("RollBackWaitForNodePoolDeleted", "gpu"), ("RollBackWaitForNodePool", "workers")],
            done.Steps.Where(s => StepNames.IsRollBack(s.Name)).Select(s => (s.Name, s.NodePool!)));
        Assert.All(done.Steps.Where(s => StepNames.IsRollBack(s.Name)), s => Assert.Equal(OperationStepState.Succeeded, s.State));
        Assert.Equal(2, OperationSteps.DesiredSizeOf(done.Steps.Single(s => s.Name == StepNames.RollBackScaleNodePool)));
        var account = CredentialReference.OfOrganization(org, secretId);
        var pools = await env.Cs.DescribeNodePoolsAsync(ProvisioningEnvironment.Region, clusterId, account, CancellationToken.None);
        // The cluster is as it was before the apply: workers back from 4 to the 2 nodes the plan found, gpu gone.
        Assert.Equal([("batch", 2), ("system", 1), ("workers", 2)], pools.Select(p => (p.NodepoolInfo!.Name!, p.ScalingGroup!.DesiredSize ?? -1)).Order());
        var workers = pools.Single(p => p.NodepoolInfo!.Name == "workers");
        Assert.Equal(2, workers.Status!.TotalNodes);
    }

    [Fact]
    public async Task Delete_cluster_deletes_it_and_waits_until_it_is_gone()
    {
        var started = await env.Service.StartDeleteClusterAsync(org, clusterId, retainResources: false, "delete-1", CancellationToken.None);
        var again = await env.Service.StartDeleteClusterAsync(org, clusterId, retainResources: false, "delete-1", CancellationToken.None);
        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(started.Id, again.Id);
        Assert.Equal(OperationState.Succeeded, done.State);
        Assert.Equal([StepNames.ReadCredentials, StepNames.DeleteCluster, StepNames.WaitForClusterDeleted], done.Steps.Select(s => s.Name));
        Assert.Equal(1, env.Emulator.Counters.Successes("DeleteCluster"));
        Assert.Empty(await env.ClustersAsync(org, secretId));
        Assert.Empty(await env.Service.ListClustersAsync(org, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Service.StartDeleteClusterAsync(org, clusterId, false, null, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationStateException>(() => env.Service.RollBackAsync(org, done.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Another_organisation_sees_neither_the_cluster_nor_the_operation()
    {
        var other = TestSecrets.NewOrganization();
        await env.AddSecretAsync(other);

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => env.Service.GetKubeconfigAsync(other, "c0000000000000000000000000000000", null, false, CancellationToken.None));
        var foreign = await Assert.ThrowsAsync<NotFoundException>(() => env.Service.GetKubeconfigAsync(other, clusterId, null, false, CancellationToken.None));
        Assert.Equal(unknown.Message.Replace("c0000000000000000000000000000000", "x", StringComparison.Ordinal), foreign.Message.Replace(clusterId, "x", StringComparison.Ordinal));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Service.ListClusterNodesAsync(other, clusterId, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Service.StartDeleteClusterAsync(other, clusterId, false, null, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Service.StartApplyLayoutAsync(other, clusterId, Grown(), true, false, null, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Service.GetAsync(other, created.Id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Service.RetryAsync(other, created.Id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Service.RollBackAsync(other, created.Id, CancellationToken.None));
        Assert.Empty(await env.Service.ListClustersAsync(other, CancellationToken.None));
        Assert.Empty((await env.Service.ListAsync(other, new OperationQuery(), CancellationToken.None)).Items);
        Assert.Single(await env.Service.ListClustersAsync(org, CancellationToken.None));
    }

    /// <summary>The created layout with workers at 4 and a new on-demand pool "gpu" of 2; "batch" left as it is.</summary>
    private LayoutSpec Grown()
    {
        var types = TestInputs.Buyable(env.CatalogRegion);
        var three = TestInputs.ThreePools(env.CatalogRegion, workers: 4);
        return new LayoutSpec
        {
            Pools = [three.Pools[0], three.Pools[1], TestInputs.Pool("gpu", types[3], CapacityType.OnDemand, 2), three.Pools[2]],
        };
    }
}
