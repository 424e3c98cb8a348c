using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>
/// Per-candidate spot node bounds: the cover of what the on-demand share leaves (optimal layouts), and the room the
/// share and spotDiversity leave (every valid layout). Exactness is covered by the brute-force tests.
/// </summary>
public sealed class NodeBoundTests
{
    [Theory]
    [InlineData(1, 0, 6)] // no rule: the cover bound, ceil(20 / 3.92) = 6
    [InlineData(1, 100, 0)] // 100 % on-demand: spot covers nothing, and the 6 on-demand nodes already make minNodes
    [InlineData(1, 50, 3)] // half on demand: spot covers at most the other 10 vCPU, ceil(10 / 3.92) = 3
    [InlineData(2, 0, 9)] // D = 2: room for one node of another spot pool
    [InlineData(3, 50, 5)] // D = 3, half on demand (3 nodes of 4 vCPU): 10 - 3 - 2
    public void Spot_bound_covers_what_the_share_leaves_and_leaves_room_for_other_pools(int diversity, int onDemandPct, int expected)
    {
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m, 0.05m)
            .Add("ecs.c7.xlarge", 4, 8, 0.19m, 0.06m)
            .Add("ecs.r7.xlarge", 4, 32, 0.25m, 0.07m)
            .Build();
        var request = Layouts.Request(20, 20) with { MaxNodes = 10, SpotDiversity = diversity, OnDemandPct = onDemandPct };
        var problem = NodePoolProblemBuilder.Build(request, catalog, prune: false);
        var spot = problem.Candidates.Select((c, i) => (c, i)).First(x => x.c.IsSpot && x.c.Name == "ecs.g7.xlarge").i;
        Assert.Equal(expected, problem.UpperBounds[spot]);
    }

    [Theory]
    [InlineData(3, 3, 25, true)] // 3 spot pools + 1 on-demand pool for the share > 3
    [InlineData(3, 4, 25, false)]
    [InlineData(3, 3, 0, false)] // no share: 3 spot pools fit
    [InlineData(1, 1, 25, true)] // the single pool must be on-demand
    public void Spot_is_unusable_when_its_pools_cannot_fit_in_maxPools(int diversity, int maxPools, int onDemandPct, bool unusable)
    {
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m, 0.05m)
            .Add("ecs.c7.xlarge", 4, 8, 0.19m, 0.06m)
            .Add("ecs.r7.xlarge", 4, 32, 0.25m, 0.07m)
            .Build();
        var request = Layouts.Request(20, 20) with { MaxNodes = 20, SpotDiversity = diversity, MaxPools = maxPools, OnDemandPct = onDemandPct };
        var problem = NodePoolProblemBuilder.Build(request, catalog, prune: false);
        var spotBounds = problem.Candidates.Select((c, i) => (c, i)).Where(x => x.c.IsSpot).Select(x => problem.UpperBounds[x.i]).ToList();
        Assert.Equal(unusable, spotBounds.All(u => u == 0));
    }

    [Fact]
    public void Spot_is_unusable_when_the_share_and_diversity_leave_no_room()
    {
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m, 0.01m)
            .Add("ecs.c7.xlarge", 4, 8, 0.19m, 0.01m)
            .Build();
        var request = Layouts.Request(7, 8) with { MaxNodes = 3, MinNodes = 3, SpotDiversity = 2, OnDemandPct = 100 };
        var problem = NodePoolProblemBuilder.Build(request, catalog, prune: false);
        Assert.All(problem.Candidates.Select((c, i) => (c, i)).Where(x => x.c.IsSpot), x => Assert.Equal(0, problem.UpperBounds[x.i]));
        var best = Layouts.Best(request, catalog);
        Assert.All(best.Pools, p => Assert.Equal(CapacityType.OnDemand, p.CapacityType));
    }

    [Fact]
    public void Spot_nodes_still_make_up_min_nodes_at_full_on_demand_share()
    {
        // 4 vCPU at 100 % on-demand needs 2 on-demand g7.xlarge (3.92 allocatable each); minNodes 5 asks for 3 more
        // nodes, cheapest as spot.
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m, 0.02m)
            .Build();
        var request = Layouts.Request(4, 4) with { MinNodes = 5, OnDemandPct = 100 };
        var problem = NodePoolProblemBuilder.Build(request, catalog, prune: false);
        Assert.Equal(3, problem.UpperBounds[problem.Candidates.ToList().FindIndex(c => c.IsSpot)]);
        var best = Layouts.Best(request, catalog);
        Assert.Equal(0.46m, best.HourlyPrice); // 2 x 0.20 on demand + 3 x 0.02 spot
    }
}
