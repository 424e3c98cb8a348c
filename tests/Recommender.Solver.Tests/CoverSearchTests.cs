using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>The branch and bound (<see cref="CoverSearch"/>) against brute force and against the CP-SAT model.</summary>
public sealed class CoverSearchTests
{
    private static long Far => TimeProvider.System.GetTimestamp() + (30 * TimeProvider.System.TimestampFrequency);

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(401, 60))
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Search_matches_brute_force_with_and_without_the_best_layout_bounds(int seed)
    {
        var catalog = RandomCatalog.Create(seed, seed % 2 == 0 ? 4 : 5);
        var random = new Random(seed);
        for (var round = 0; round < 3; round++)
        {
            var request = RandomRequests.Create(random, catalog, maxNodes: 4);
            var expected = BruteForce.Best(request, catalog, request.MaxNodes);
            var problem = NodePoolProblemBuilder.Build(request, catalog);
            var (tightened, _) = NodePoolModel.Bounds(problem, FallbackLayout.SinglePoolPriceMicros(problem), GroupDominance.Find(problem));
            foreach (var bounds in new[] { problem.UpperBounds, tightened })
            {
                var found = new CoverSearch(problem, bounds, TimeProvider.System, Far).Solve(CancellationToken.None);
                if (expected is null)
                {
                    Assert.Equal(SolveStatus.Infeasible, found.Status);
                    continue;
                }

                Assert.Equal(SolveStatus.Optimal, found.Status);
                Assert.Equal(expected, Key(found));
                Assert.Equal(found.PriceMicros, found.PriceBoundMicros);
            }
        }
    }

    [Fact]
    public void Search_matches_the_cp_sat_model_on_larger_requests()
    {
        // Tens of nodes per pool, every rule switched on and off: both proven optimal must mean the same key.
        var compared = 0;
        foreach (var seed in Enumerable.Range(501, 30))
        {
            var catalog = RandomCatalog.Create(seed, 6);
            var random = new Random(seed);
            for (var round = 0; round < 3; round++)
            {
                var request = RandomRequests.Create(random, catalog, maxNodes: 60, scale: 8) with { MaxPools = round == 2 ? 3 : null };
                var problem = NodePoolProblemBuilder.Build(request, catalog);
                if (problem.Candidates.Count == 0)
                {
                    continue;
                }

                var deadline = TimeProvider.System.GetTimestamp() + (5 * TimeProvider.System.TimestampFrequency);
                var searched = new CoverSearch(problem, problem.UpperBounds, TimeProvider.System, deadline).Solve(CancellationToken.None);
                var options = SolverOptions.Deterministic with { TimeLimit = TimeSpan.FromSeconds(10), CoverSearchBudget = TimeSpan.Zero };
                var modelled = new LayoutSearch(problem, options, TimeProvider.System, Far).Next(false, CancellationToken.None);
                if (searched.Status == SolveStatus.Optimal && modelled.Status == SolveStatus.Optimal)
                {
                    Assert.Equal(Key(modelled), Key(searched));
                    compared++;
                }
                else if (searched.Status == SolveStatus.Infeasible || modelled.Status == SolveStatus.Infeasible)
                {
                    Assert.Equal(modelled.Status, searched.Status);
                }
            }
        }

        Assert.True(compared >= 60, $"only {compared} requests were proven optimal by both");
    }

    [Fact]
    public void A_search_out_of_time_proves_nothing_and_the_recommender_hands_over_to_cp_sat()
    {
        // 18 candidates: with 6 types only two survived pruning and the two-pool enumeration answered, never CP-SAT.
        var catalog = RandomCatalog.Create(7, 20);
        var request = Layouts.Request(60, 200) with { MaxNodes = 60, OnDemandPct = 30 };
        var problem = NodePoolProblemBuilder.Build(request, catalog);
        var past = TimeProvider.System.GetTimestamp() - 1;
        var found = new CoverSearch(problem, problem.UpperBounds, TimeProvider.System, past).Solve(CancellationToken.None);
        Assert.NotEqual(SolveStatus.Optimal, found.Status);
        Assert.Null(found.PriceBoundMicros);

        // A budget too short to finish: CP-SAT (hinted with whatever the search found) still proves the optimum.
        var options = SolverOptions.Deterministic with { TimeLimit = TimeSpan.FromSeconds(10), CoverSearchBudget = TimeSpan.FromTicks(1) };
        var stages = new List<SolverTraceEvent>();
        var answer = new CpSatRecommender(options with { Trace = stages.Add }, TimeProvider.System).Recommend(request, catalog);
        var reference = new CpSatRecommender(options with { CoverSearchBudget = TimeSpan.Zero }, TimeProvider.System).Recommend(request, catalog);
        Assert.Equal([SolverStage.CoverSearch, SolverStage.CpSat], stages.Select(e => e.Stage).Where(s => s != SolverStage.CpSatSolution).ToList());
        Assert.False(stages[0].Finished);
        Assert.True(stages[^1].Finished);
        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
        Assert.Equal(reference.Layouts[0].HourlyPrice, answer.Layouts[0].HourlyPrice);
        Assert.Equal(reference.Layouts[0].NodeCount, answer.Layouts[0].NodeCount);
        Layouts.AssertValid(request, catalog, answer.Layouts[0]);
    }

    [Fact]
    public void The_root_bound_prices_in_spot_diversity()
    {
        // Two spot types of one size, b twice a's price. spotDiversity 2 makes their node counts equal, so the LP
        // pays the average price: 40,000 m / 3,920 m per node = 10.2 nodes at 0.06 = 0.6122 (without the share rows,
        // all on a: 0.4082). The optimum is 6 + 6 nodes (11 are needed, the counts must be equal) = 0.72.
        var catalog = new TestCatalog()
            .Add("ecs.a.xlarge", 4, 8, 0.20m, 0.04m)
            .Add("ecs.b.xlarge", 4, 8, 0.30m, 0.08m)
            .Build();
        var problem = NodePoolProblemBuilder.Build(Layouts.Request(40, 8) with { SpotDiversity = 2 }, catalog);
        var search = new CoverSearch(problem, problem.UpperBounds, TimeProvider.System, Far);
        var found = search.Solve(CancellationToken.None);

        Assert.Equal(SolveStatus.Optimal, found.Status);
        Assert.Equal(720_000, found.PriceMicros);
        Assert.InRange(search.RootBoundMicros!.Value, 612_000, 612_300);
    }

    private static (decimal Price, int Nodes, int Pools) Key(NodePoolSolution s) =>
        (PriceScale.FromMicros(s.PriceMicros), s.Counts!.Sum(), s.Counts!.Count(n => n > 0));
}
