using Recommender.Alibaba.Cs;
using Recommender.Emulators.Alibaba;
using static Recommender.Alibaba.Tests.CsTestEnvironment;

namespace Recommender.Alibaba.Tests;

/// <summary>The emulator's time scale: realistic CS delays shrunk so that tests on the real clock stay short.</summary>
public sealed class CsTimeScaleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void Time_scale_multiplies_every_delay()
    {
        var timings = new CsTimings { TimeScale = 0.001 };

        Assert.Equal(TimeSpan.FromMilliseconds(600), timings.Scaled(timings.ClusterCreate));
        Assert.Equal(TimeSpan.FromMilliseconds(180), timings.Scaled(timings.NodeJoin));
        Assert.Equal(TimeSpan.Zero, new CsTimings { TimeScale = 0 }.Scaled(timings.ClusterCreate));
    }

    /// <summary>
    /// Ten emulated minutes at 0.0005 are 0.3 s: polling every 50 ms, the task succeeds within the poll budget (5 s),
    /// which it could not if the scale were ignored. The budget bounds the test; nothing asserts on elapsed time.
    /// </summary>
    [Fact]
    public async Task A_scaled_cluster_and_pool_come_up_while_a_client_polls_on_the_real_clock()
    {
        await using var env = await StartAsync(fakeClock: false, configure: o => o.Cs.TimeScale = 0.0005);

        var created = await env.Cs.CreateClusterAsync(Region, CsRequests.Managed("scaled"), Acme, None);
        Assert.True(await PollAsync(async () => (await env.Cs.DescribeTaskInfoAsync(Region, created.TaskId!, Acme, None)).Succeeded));
        Assert.Equal(CsCluster.Running, (await env.Cs.DescribeClusterDetailAsync(Region, created.ClusterId!, Acme, None)).State);

        var pool = await env.Cs.CreateNodePoolAsync(Region, created.ClusterId!, CsRequests.Pool("workers", 3, "ecs.g9.large"), Acme, None);
        Assert.True(await PollAsync(async () =>
            (await env.Cs.DescribeNodePoolDetailAsync(Region, created.ClusterId!, pool.NodepoolId!, Acme, None)).Status?.State == NodePoolStatus.Active));
        var nodes = await env.Cs.DescribeClusterNodesAsync(Region, created.ClusterId!, pool.NodepoolId, Acme, None);
        Assert.Equal(3, nodes.Count(n => n.NodeStatus == "Ready"));
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await done())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
