using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>maxPools ≤ 2 solved by enumeration (<see cref="FewPoolsSearch"/>) against brute force and the CP-SAT model.</summary>
public sealed class FewPoolsSearchTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(301, 30))
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Enumeration_matches_brute_force(int seed)
    {
        var catalog = RandomCatalog.Create(seed, 5);
        var random = new Random(seed);
        for (var round = 0; round < 4; round++)
        {
            var request = RandomRequests.Create(random, catalog, maxNodes: 4) with { MaxPools = 1 + (round % 2), Alternatives = 1 };
            BruteForce.AssertSolverMatches(request, catalog);
        }
    }

    [Fact]
    public void Enumeration_matches_the_cp_sat_model_on_larger_requests()
    {
        var compared = 0;
        foreach (var seed in Enumerable.Range(301, 30))
        {
            compared += CompareWithModel(seed);
        }

        Assert.True(compared >= 60, $"only {compared} requests had a proven CP-SAT optimum to compare with");
    }

    private static int CompareWithModel(int seed)
    {
        // Tens of nodes per pool (beyond brute force): CP-SAT proves these small models optimal, and the
        // enumeration must reach the same (price, nodes, pools).
        var catalog = RandomCatalog.Create(seed, 6);
        var random = new Random(seed);
        var compared = 0;
        for (var round = 0; round < 3; round++)
        {
            var request = RandomRequests.Create(random, catalog, maxNodes: 60, scale: 8) with { MaxPools = 1 + (round % 2), Alternatives = 1 };
            var problem = NodePoolProblemBuilder.Build(request, catalog);
            if (problem.Candidates.Count == 0)
            {
                continue;
            }

            var far = TimeProvider.System.GetTimestamp() + (30 * TimeProvider.System.TimestampFrequency);
            var enumerated = new FewPoolsSearch(problem, TimeProvider.System, far).Solve(CancellationToken.None);
            var modelled = new LayoutSearch(problem, SolverOptions.Default with { TimeLimit = TimeSpan.FromSeconds(30) }, TimeProvider.System, far)
                .Next(false, CancellationToken.None);
            Assert.Equal(modelled.Status, enumerated.Status);
            if (modelled.Status == SolveStatus.Optimal)
            {
                Assert.Equal(Key(modelled), Key(enumerated));
                compared++;
            }
        }

        return compared;
    }

    [Theory]
    [InlineData(2, 20, false)] // D = 2 spot pools + 1 on-demand pool for the share > 2 pools: spot unusable
    [InlineData(2, 0, true)] // no share: two spot pools fit
    [InlineData(1, 20, true)] // no diversity rule: one spot + one on-demand pool fit
    public void Spot_is_skipped_only_when_its_pools_cannot_fit(int diversity, int onDemandPct, bool spotExpected)
    {
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m, 0.02m)
            .Add("ecs.c7.xlarge", 4, 8, 0.19m, 0.02m)
            .Build();
        var request = Layouts.Request(40, 40) with { MaxPools = 2, SpotDiversity = diversity, OnDemandPct = onDemandPct };
        var answer = Layouts.CpSat.Recommend(request, catalog);
        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
        Layouts.AssertValid(request, catalog, answer.Layouts[0]);
        Assert.Equal(BruteForce.Best(request, catalog, 24)!.Value.Price, answer.Layouts[0].HourlyPrice);
        Assert.Equal(spotExpected, answer.Layouts[0].Pools.Any(p => p.CapacityType == CapacityType.Spot));
    }

    private static (long Price, int Nodes, int Pools) Key(NodePoolSolution s) =>
        (s.PriceMicros, s.Counts!.Sum(), s.Counts!.Count(n => n > 0));
}
