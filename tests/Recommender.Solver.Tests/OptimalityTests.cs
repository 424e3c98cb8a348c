using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>CP-SAT against exhaustive enumeration on small random catalogs and requests.</summary>
public sealed class OptimalityTests
{
    public static TheoryData<int, int> Seeds()
    {
        var data = new TheoryData<int, int>();
        foreach (var seed in Enumerable.Range(1, 60))
        {
            data.Add(seed, seed <= 40 ? 4 : 5);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Best_layout_matches_brute_force_with_and_without_pruning(int seed, int types)
    {
        var catalog = RandomCatalog.Create(seed, types);
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
        // Prices near ten billion per hour (to the micro, so the price unit is 1) make price x (nodes, pools)
        // weights overflow the safe range: two solves.
        var catalog = new TestCatalog()
            .Add("ecs.g7.large", 2, 8, 5_000_000_000.000001m, 2_000_000_000.000003m)
            .Add("ecs.g7.xlarge", 4, 16, 10_000_000_000.000007m, 4_000_000_000.000009m)
            .Add("ecs.c7.xlarge", 4, 8, 9_000_000_000.000011m)
            .Build();
        var request = Layouts.Request(7, 20) with { MaxNodes = LayoutRequestLimits.MaxNodes, OnDemandPct = 50 };
        var problem = NodePoolProblemBuilder.Build(request, catalog);
        Assert.Null(ObjectiveWeights.Lexicographic(problem));

        // Enumerating up to 7 nodes is complete: 8 nodes cost at least 8 x 2,000,000,000, more than the
        // g7.xlarge on-demand + g7.xlarge spot layout (14,000,000,000) that satisfies the request.
        var expected = BruteForce.Best(request, catalog, 7);

        // Branch and bound to the end; CP-SAT alone; and CP-SAT handed the branch and bound's first layout as hint
        // (its budget runs out at once), which once made the tie-break model invalid (the hint was added twice).
        foreach (var budget in new[] { SolverOptions.Default.CoverSearchBudget, TimeSpan.Zero, TimeSpan.FromTicks(1) })
        {
            var options = SolverOptions.Deterministic with { TimeLimit = TimeSpan.FromSeconds(10), CoverSearchBudget = budget };
            var stages = new List<SolverTraceEvent>();
            var answer = new CpSatRecommender(options with { Trace = stages.Add }, TimeProvider.System).Recommend(request, catalog);
            Assert.Equal(RecommendationStatus.Optimal, answer.Status);
            var solves = stages.Where(e => e.Stage != SolverStage.CpSatSolution).Select(e => (e.Stage, e.Finished)).ToList();
            if (budget == TimeSpan.Zero)
            {
                Assert.Equal([(SolverStage.CpSat, true), (SolverStage.CpSat, true)], solves); // cheapest price, then the tie-break
            }
            else if (budget == TimeSpan.FromTicks(1))
            {
                Assert.Equal([(SolverStage.CoverSearch, false), (SolverStage.CpSat, true), (SolverStage.CpSat, true)], solves);
            }

            var best = answer.Layouts[0];
            Assert.Equal(expected, (best.HourlyPrice, best.NodeCount, best.Pools.Count));
        }
    }

    [Theory]
    [InlineData(2, 5)]
    [InlineData(2, 6)]
    [InlineData(3, 6)]
    public void Spot_diversity_pruning_matches_brute_force(int diversity, int maxNodes)
    {
        // Seven 2-vCPU spot types (equal allocatable vCPU) so that spot candidates have 2D equal-vCPU dominators.
        var catalog = new TestCatalog()
            .Add("ecs.a1.large", 2, 4, 0.10m, 0.010m)
            .Add("ecs.a2.large", 2, 8, 0.11m, 0.011m)
            .Add("ecs.a3.large", 2, 8, 0.12m, 0.012m)
            .Add("ecs.a4.large", 2, 16, 0.13m, 0.013m)
            .Add("ecs.a5.large", 2, 4, 0.14m, 0.014m)
            .Add("ecs.a6.large", 2, 8, 0.15m, 0.016m)
            .Add("ecs.a7.large", 2, 4, 0.16m, 0.018m)
            .Build();
        foreach (var (cpu, memory) in new[] { (3.0, 4.0), (5.0, 10.0), (7.0, 6.0), (9.0, 20.0) })
        {
            var request = Layouts.Request(cpu, memory) with { SpotDiversity = diversity, MaxNodes = maxNodes };
            var pruned = NodePoolProblemBuilder.Build(request, catalog).Candidates.Count(c => c.IsSpot);
            Assert.True(pruned < 7, "the rule should drop some spot candidates here");
            var expected = BruteForce.Best(request, catalog, maxNodes);
            var answer = Layouts.CpSat.Recommend(request, catalog);
            if (expected is null)
            {
                Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
                continue;
            }

            var best = answer.Layouts[0];
            Layouts.AssertValid(request, catalog, best);
            Assert.Equal(expected, (best.HourlyPrice, best.NodeCount, best.Pools.Count));
        }
    }
}
