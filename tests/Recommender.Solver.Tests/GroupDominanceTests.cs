using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>"j nodes of b replace k nodes of a" cuts (<see cref="GroupDominance"/>): found where they hold, exact.</summary>
public sealed class GroupDominanceTests
{
    [Fact]
    public void Two_small_nodes_priced_like_one_large_one_are_cut_to_one()
    {
        // Linear family pricing, as on Alibaba: two xlarge cost one 2xlarge, which has more allocatable capacity.
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m)
            .Add("ecs.g7.2xlarge", 8, 32, 0.40m)
            .Build();
        var problem = NodePoolProblemBuilder.Build(Layouts.Request(30, 60) with { MaxNodes = 20 }, catalog);
        var cuts = GroupDominance.Find(problem);
        var xlarge = Index(problem, "ecs.g7.xlarge");
        var cut = Assert.Single(cuts, c => c.Candidate == xlarge);
        Assert.Equal(Index(problem, "ecs.g7.2xlarge"), cut.Replacement);
        Assert.Equal((2, 1), (cut.ReplacedNodes, cut.ReplacingNodes));
        Assert.DoesNotContain(cuts, c => c.Candidate == cut.Replacement); // nothing replaces the large one

        var (bounds, conditional) = NodePoolModel.Bounds(problem, null, cuts);
        Assert.Equal(1, bounds[xlarge]);
        Assert.Empty(conditional);
    }

    [Fact]
    public void Cuts_need_enforcement_under_min_nodes_and_max_pools_and_none_apply_to_same_size()
    {
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m)
            .Add("ecs.g7.2xlarge", 8, 32, 0.40m)
            .Build();
        var request = Layouts.Request(30, 60) with { MaxNodes = 20 };
        var withMinNodes = NodePoolProblemBuilder.Build(request with { MinNodes = 6 }, catalog);
        Assert.NotEmpty(NodePoolModel.Bounds(withMinNodes, null, GroupDominance.Find(withMinNodes)).Conditional);
        var withPools = NodePoolProblemBuilder.Build(request with { MaxPools = 1 }, catalog);
        Assert.NotEmpty(NodePoolModel.Bounds(withPools, null, GroupDominance.Find(withPools)).Conditional);
        Assert.Empty(GroupDominance.Find(NodePoolProblemBuilder.Build(request with { SameSize = true }, catalog)));
    }

    [Fact]
    public void A_dearer_or_smaller_replacement_gives_no_cut()
    {
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m)
            .Add("ecs.g7.2xlarge", 8, 32, 0.41m) // dearer than two xlarge
            .Add("ecs.c7.2xlarge", 8, 16, 0.30m) // cheaper, but less memory than two xlarge
            .Build();
        var problem = NodePoolProblemBuilder.Build(Layouts.Request(30, 60) with { MaxNodes = 20 }, catalog);
        var xlarge = Index(problem, "ecs.g7.xlarge");
        Assert.DoesNotContain(GroupDominance.Find(problem), c => c.Candidate == xlarge && c.ReplacedNodes == 2);
    }

    [Theory]
    [InlineData(1, null, 1)]
    [InlineData(5, null, 1)] // minNodes: the swap must keep enough nodes
    [InlineData(1, 1, 1)] // maxPools: the swap may not add a pool
    [InlineData(1, null, 2)] // spotDiversity: on-demand pairs only
    public void The_cut_model_keeps_the_optimum(int minNodes, int? maxPools, int diversity)
    {
        var catalog = new TestCatalog()
            .Add("ecs.g7.large", 2, 8, 0.10m, 0.03m)
            .Add("ecs.g7.xlarge", 4, 16, 0.20m, 0.05m)
            .Add("ecs.g7.2xlarge", 8, 32, 0.40m, 0.11m)
            .Build();
        var request = Layouts.Request(13, 50) with { MinNodes = minNodes, MaxNodes = 8, MaxPools = maxPools, SpotDiversity = diversity, OnDemandPct = 25 };
        var expected = BruteForce.Best(request, catalog, 8);
        foreach (var cuts in new[] { true, false })
        {
            var options = SolverOptions.Deterministic with { UseGroupCuts = cuts, CoverSearchBudget = TimeSpan.Zero, TimeLimit = TimeSpan.FromSeconds(10) };
            var answer = new CpSatRecommender(options, TimeProvider.System).Recommend(request, catalog);
            Assert.Equal(RecommendationStatus.Optimal, answer.Status);
            Assert.Equal(expected, (answer.Layouts[0].HourlyPrice, answer.Layouts[0].NodeCount, answer.Layouts[0].Pools.Count));
        }
    }

    private static int Index(NodePoolProblem problem, string name) =>
        problem.Candidates.Select((c, i) => (c, i)).Single(x => x.c.Name == name && !x.c.IsSpot).i;
}
