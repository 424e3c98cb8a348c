using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>CP-SAT against exhaustive enumeration on small random catalogs and requests.</summary>
public sealed class OptimalityTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Best_layout_matches_brute_force_with_and_without_pruning(int seed)
    {
        var catalog = RandomCatalog.Create(seed, 4);
        var random = new Random(seed);
        for (var round = 0; round < 3; round++)
        {
            var request = RandomRequests.Create(random, catalog, maxNodes: 4);
            var expected = BruteForce.Best(request, catalog, request.MaxNodes);
            foreach (var prune in new[] { true, false })
            {
                var options = SolverOptions.Deterministic with { PruneDominated = prune, TimeLimit = TimeSpan.FromSeconds(10) };
                var answer = new CpSatRecommender(options, TimeProvider.System).Recommend(request, catalog);
                if (expected is null)
                {
                    Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
                    Assert.False(string.IsNullOrEmpty(answer.Explanation));
                    continue;
                }

                Assert.Equal(RecommendationStatus.Optimal, answer.Status);
                var best = answer.Layouts[0];
                Layouts.AssertValid(request, catalog, best);
                Assert.Equal(expected, (best.HourlyPrice, best.NodeCount, best.Pools.Count));
                Assert.Equal(0, answer.Gap);
                Assert.Equal(best.HourlyPrice, answer.LowerBound);
            }
        }
    }

    [Fact]
    public void Huge_prices_take_the_two_solve_path_and_stay_lexicographic()
    {
        // Prices near 10 million per hour make price x (nodes, pools) weights overflow the safe range: two solves.
        var catalog = new TestCatalog()
            .Add("ecs.g7.large", 2, 8, 5_000_000m, 2_000_000m)
            .Add("ecs.g7.xlarge", 4, 16, 10_000_000m, 4_000_000m)
            .Add("ecs.c7.xlarge", 4, 8, 9_000_000m)
            .Build();
        var request = Layouts.Request(7, 20) with { MaxNodes = LayoutRequestLimits.MaxNodes };
        var problem = NodePoolProblemBuilder.Build(request, catalog);
        Assert.Null(ObjectiveWeights.Lexicographic(problem));

        var answer = Layouts.CpSat.Recommend(request, catalog);
        Assert.Equal(RecommendationStatus.Optimal, answer.Status);

        // Enumerating up to 6 nodes is complete: 7 nodes cost at least 7 x 2,000,000, more than the
        // 2 x g7.xlarge spot layout (8,000,000) that covers the request.
        var expected = BruteForce.Best(request, catalog, 6);
        var best = answer.Layouts[0];
        Assert.Equal(expected, (best.HourlyPrice, best.NodeCount, best.Pools.Count));
    }
}
