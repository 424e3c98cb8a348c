using Recommender.Alibaba.Cs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Errors;
using static Recommender.Alibaba.Tests.CsTestEnvironment;

namespace Recommender.Alibaba.Tests;

/// <summary>Node pools and their nodes through the real <see cref="CsClient"/> (contract §4, §4.3).</summary>
public sealed class CsNodePoolTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Three_pools_become_active_and_their_nodes_are_listed_with_pool_type_and_spot_strategy()
    {
        await using var env = await StartAsync();
        var clusterId = await env.RunningClusterAsync("three-pools");
        var general = CsRequests.Pool("general", 2, "ecs.g9.large", "ecs.g9.xlarge") with
        {
            KubernetesConfig = new NodePoolKubernetesConfig
            {
                Labels = [new CsTag("team", "shop")],
                Taints = [new CsTaint("dedicated", "shop", "NoSchedule")],
                Runtime = "containerd",
            },
        };
        var spot = CsRequests.Pool("spot", 2, "ecs.c9.large") with
        {
            ScalingGroup = CsRequests.Pool("spot", 2, "ecs.c9.large").ScalingGroup! with
            {
                SpotStrategy = NodePoolScalingGroup.SpotWithPriceLimit,
                SpotPriceLimit = [new SpotPriceLimit("ecs.c9.large", "0.05")],
            },
        };
        var auto = CsRequests.Pool("auto", 0, "ecs.r9.large") with
        {
            AutoScaling = new NodePoolAutoScaling { Enable = true, MinInstances = 1, MaxInstances = 5, Type = "cpu" },
        };

        var ids = new Dictionary<string, string>();
        var tasks = new List<string>();
        foreach (var pool in new[] { general, spot, auto })
        {
            var created = await env.Cs.CreateNodePoolAsync(Region, clusterId, pool, Acme, None);
            ids[pool.NodepoolInfo!.Name!] = created.NodepoolId!;
            tasks.Add(created.TaskId!);
        }

        var starting = await env.Cs.DescribeNodePoolsAsync(Region, clusterId, Acme, None);
        Assert.Equal(["general", "spot", "auto"], starting.Select(p => p.NodepoolInfo?.Name));
        Assert.All(starting, p => Assert.Equal(NodePoolStatus.Initial, p.Status?.State));

        env.Advance(env.Timings.NodePoolCreate + env.Timings.NodeJoin);
        var pools = await env.Cs.DescribeNodePoolsAsync(Region, clusterId, Acme, None);
        var nodes = await env.Cs.DescribeClusterNodesAsync(Region, clusterId, null, Acme, None);

        Assert.All(pools, p => Assert.Equal(NodePoolStatus.Active, p.Status?.State));
        Assert.Equal([2, 2, 1], pools.Select(p => p.Status!.HealthyNodes));
        foreach (var task in tasks)
        {
            Assert.True((await env.Cs.DescribeTaskInfoAsync(Region, task, Acme, None)).Succeeded);
        }

        Assert.Equal(5, nodes.Count);
        Assert.All(nodes, n => Assert.Equal((ClusterNode.Worker, "running", "Ready"), (n.InstanceRole, n.State, n.NodeStatus)));
        Assert.Equal(5, nodes.Select(n => n.InstanceId).Distinct().Count());
        Assert.Equal(["ecs.g9.large", "ecs.g9.xlarge"], nodes.Where(n => n.NodepoolId == ids["general"]).Select(n => n.InstanceType).Order());
        Assert.All(nodes.Where(n => n.NodepoolId == ids["spot"]), n => Assert.Equal(("ecs.c9.large", NodePoolScalingGroup.SpotWithPriceLimit), (n.InstanceType, n.SpotStrategy)));
        Assert.All(nodes.Where(n => n.NodepoolId != ids["spot"]), n => Assert.Equal(NodePoolScalingGroup.NoSpot, n.SpotStrategy));
        Assert.Single(nodes, n => n.NodepoolId == ids["auto"]);
        Assert.Equal(2, (await env.Cs.DescribeClusterNodesAsync(Region, clusterId, ids["spot"], Acme, None)).Count);
        Assert.Equal(5, (await env.Cs.DescribeClusterDetailAsync(Region, clusterId, Acme, None)).Size);

        // What was sent comes back as the pool's configuration.
        var spotDetail = await env.Cs.DescribeNodePoolDetailAsync(Region, clusterId, ids["spot"], Acme, None);
        var generalDetail = pools.Single(p => p.Id == ids["general"]);
        var autoDetail = pools.Single(p => p.Id == ids["auto"]);
        Assert.Equal([new SpotPriceLimit("ecs.c9.large", "0.05")], spotDetail.ScalingGroup?.SpotPriceLimit);
        Assert.Equal((Region, false), (spotDetail.NodepoolInfo?.RegionId, spotDetail.NodepoolInfo?.IsDefault));
        Assert.Equal([new CsTag("team", "shop")], generalDetail.KubernetesConfig?.Labels);
        Assert.Equal([new CsTaint("dedicated", "shop", "NoSchedule")], generalDetail.KubernetesConfig?.Taints);
        Assert.Equal(("cloud_essd", 120), (generalDetail.ScalingGroup?.SystemDiskCategory, generalDetail.ScalingGroup?.SystemDiskSize));
        Assert.Equal((true, 1, 5), (autoDetail.AutoScaling?.Enable, autoDetail.AutoScaling?.MinInstances, autoDetail.AutoScaling?.MaxInstances));
    }

    [Fact]
    public async Task Desired_size_scales_out_and_in_and_ScaleClusterNodePool_adds_nodes()
    {
        await using var env = await StartAsync();
        var clusterId = await env.RunningClusterAsync("elastic");
        var poolId = (await env.Cs.CreateNodePoolAsync(Region, clusterId, CsRequests.Pool("workers", 2, "ecs.g9.large"), Acme, None)).NodepoolId!;
        env.Advance(env.Timings.NodePoolCreate + env.Timings.NodeJoin);

        var grow = await env.Cs.SetDesiredSizeAsync(Region, clusterId, poolId, 4, Acme, None);
        var growing = await env.Cs.DescribeNodePoolDetailAsync(Region, clusterId, poolId, Acme, None);
        var joining = await env.Cs.DescribeClusterNodesAsync(Region, clusterId, poolId, Acme, None);
        Assert.Equal((NodePoolStatus.Scaling, 4, 2), (growing.Status?.State, growing.ScalingGroup?.DesiredSize, growing.Status?.InitialNodes));
        Assert.Equal(["pending", "pending", "running", "running"], joining.Select(n => n.State).Order());
        Assert.False((await env.Cs.DescribeTaskInfoAsync(Region, grow.TaskId!, Acme, None)).IsFinished);

        env.Advance(env.Timings.NodeJoin);
        var grown = await env.Cs.DescribeTaskInfoAsync(Region, grow.TaskId!, Acme, None);
        Assert.True(grown.Succeeded);
        Assert.Equal(2, grown.TaskResult?.Count);
        Assert.Equal((NodePoolStatus.Active, 4), await StateAsync(env, clusterId, poolId));

        await env.Cs.SetDesiredSizeAsync(Region, clusterId, poolId, 1, Acme, None);
        Assert.Equal((NodePoolStatus.Removing, 1), await StateAsync(env, clusterId, poolId));
        Assert.Equal(3, (await env.Cs.DescribeClusterNodesAsync(Region, clusterId, poolId, Acme, None)).Count(n => n.State == "stopping"));
        env.Advance(env.Timings.NodeRemove);
        Assert.Equal((NodePoolStatus.Active, 1), await StateAsync(env, clusterId, poolId));

        var added = await env.Cs.AddNodesAsync(Region, clusterId, poolId, 2, Acme, None);
        env.Advance(env.Timings.NodeJoin);
        Assert.Equal(("cluster_scaleout", CsTask.Success), await TaskAsync(env, added.TaskId!));
        Assert.Equal((NodePoolStatus.Active, 3), await StateAsync(env, clusterId, poolId));
        Assert.Equal(3, (await env.Cs.DescribeClusterNodesAsync(Region, clusterId, poolId, Acme, None)).Count);
    }

    [Fact]
    public async Task Nodes_of_a_large_pool_are_read_across_pages()
    {
        await using var env = await StartAsync();
        var clusterId = await env.RunningClusterAsync("big");
        await env.Cs.CreateNodePoolAsync(Region, clusterId, CsRequests.Pool("workers", 130, "ecs.c9.large"), Acme, None);
        env.Advance(env.Timings.NodePoolCreate + env.Timings.NodeJoin);
        env.Emulator.Counters.Reset();

        var nodes = await env.Cs.DescribeClusterNodesAsync(Region, clusterId, null, Acme, None);

        Assert.Equal(130, nodes.Select(n => n.InstanceId).Distinct().Count());
        Assert.Equal(2, env.Emulator.Counters.Calls("DescribeClusterNodes"));
    }

    [Fact]
    public async Task A_deleted_pool_goes_away_with_its_nodes()
    {
        await using var env = await StartAsync();
        var clusterId = await env.RunningClusterAsync("shrinking");
        var keep = (await env.Cs.CreateNodePoolAsync(Region, clusterId, CsRequests.Pool("keep", 1, "ecs.g9.large"), Acme, None)).NodepoolId!;
        var drop = (await env.Cs.CreateNodePoolAsync(Region, clusterId, CsRequests.Pool("drop", 2, "ecs.g9.large"), Acme, None)).NodepoolId!;
        env.Advance(env.Timings.NodePoolCreate + env.Timings.NodeJoin);

        var deleted = await env.Cs.DeleteNodePoolAsync(Region, clusterId, drop, Acme, None);
        Assert.Equal(NodePoolStatus.Deleting, (await StateAsync(env, clusterId, drop)).State);
        env.Advance(env.Timings.NodePoolDelete);

        Assert.Equal(("nodepool_delete", CsTask.Success), await TaskAsync(env, deleted.TaskId!));
        Assert.Equal([keep], (await env.Cs.DescribeNodePoolsAsync(Region, clusterId, Acme, None)).Select(p => p.Id));
        Assert.All(await env.Cs.DescribeClusterNodesAsync(Region, clusterId, null, Acme, None), n => Assert.Equal(keep, n.NodepoolId));
        var error = await Assert.ThrowsAsync<CloudApiException>(() => env.Cs.DescribeNodePoolDetailAsync(Region, clusterId, drop, Acme, None));
        Assert.Equal((AlibabaErrorCodes.NodePoolNotFound, 404), (error.VendorCode, error.HttpStatus));
        Assert.True(AlibabaErrorCodes.IsNotFound(error.VendorCode));
    }

    private static async Task<(string? State, int Nodes)> StateAsync(CsTestEnvironment env, string clusterId, string poolId)
    {
        var pool = await env.Cs.DescribeNodePoolDetailAsync(Region, clusterId, poolId, Acme, None);
        return (pool.Status?.State, pool.Status?.TotalNodes - pool.Status?.RemovingNodes ?? -1);
    }

    private static async Task<(string? Type, string? State)> TaskAsync(CsTestEnvironment env, string taskId)
    {
        var task = await env.Cs.DescribeTaskInfoAsync(Region, taskId, Acme, None);
        return (task.TaskType, task.State);
    }
}
