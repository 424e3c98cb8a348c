using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>The pruning rule itself; its exactness is tested against brute force in <see cref="OptimalityTests"/>.</summary>
public sealed class DominanceFilterTests
{
    private static NodePoolProblem Problem(LayoutRequest request) => NodePoolProblemBuilder.Build(
        request,
        new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m, 0.06m)
            .Add("ecs.g6.xlarge", 4, 16, 0.22m, 0.07m) // same size, dearer: dominated by g7.xlarge
            .Add("ecs.g7.2xlarge", 8, 32, 0.19m, 0.05m) // bigger and cheaper: dominates both xlarge types
            .Add("ecs.c7.xlarge", 4, 8, 0.17m, 0.05m)
            .Build());

    private static IEnumerable<string> Names(NodePoolProblem problem, CapacityType capacity) =>
        problem.Candidates.Where(c => c.CapacityType == capacity).Select(c => c.Name);

    [Fact]
    public void Bigger_and_cheaper_types_remove_the_rest()
    {
        var problem = Problem(Layouts.Request(8, 8) with { OnDemandPct = 50 });
        Assert.Equal(["ecs.g7.2xlarge", "ecs.c7.xlarge"], Names(problem, CapacityType.OnDemand));
        Assert.Equal(["ecs.g7.2xlarge"], Names(problem, CapacityType.Spot)); // c7 spot costs the same as the bigger g7.2xlarge
    }

    [Fact]
    public void SameSize_only_prunes_within_one_size()
    {
        var problem = Problem(Layouts.Request(8, 8) with { SameSize = true, OnDemandPct = 50 });
        Assert.Equal(["ecs.g7.xlarge", "ecs.g7.2xlarge", "ecs.c7.xlarge"], Names(problem, CapacityType.OnDemand));
    }

    [Fact]
    public void Without_an_on_demand_share_cheaper_spot_replaces_on_demand()
    {
        var problem = Problem(Layouts.Request(8, 8));
        Assert.Empty(Names(problem, CapacityType.OnDemand));
        Assert.Equal(["ecs.g7.2xlarge"], Names(problem, CapacityType.Spot));
    }

    [Fact]
    public void Spot_diversity_keeps_every_spot_type()
    {
        var problem = Problem(Layouts.Request(8, 8) with { SpotDiversity = 2 });
        Assert.Equal(4, Names(problem, CapacityType.Spot).Count());
        Assert.Equal(2, Names(problem, CapacityType.OnDemand).Count());
    }

    [Fact]
    public void Identical_types_keep_exactly_one()
    {
        var problem = NodePoolProblemBuilder.Build(
            Layouts.Request(8, 8),
            new TestCatalog().Add("ecs.a.xlarge", 4, 16, 0.2m).Add("ecs.b.xlarge", 4, 16, 0.2m).Build());
        Assert.Equal(["ecs.a.xlarge"], Names(problem, CapacityType.OnDemand));
    }

    [Fact]
    public void Upper_bounds_cover_the_request_alone_or_minNodes()
    {
        var problem = Problem(Layouts.Request(20, 8) with { MinNodes = 4, OnDemandPct = 50 });
        var g7 = problem.Candidates.ToList().FindIndex(c => c.Name == "ecs.g7.2xlarge");
        Assert.Equal(4, problem.UpperBounds[g7]); // 3 nodes cover 20 vCPU; minNodes 4 is larger
        var c7 = problem.Candidates.ToList().FindIndex(c => c.Name == "ecs.c7.xlarge");
        Assert.Equal(6, problem.UpperBounds[c7]); // ceil(20 / 3.92)
    }
}
