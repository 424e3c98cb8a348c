namespace Recommender.Solver.Tests;

/// <summary>sameSize solved size by size (<see cref="SameSizeSearch"/>) against exhaustive enumeration.</summary>
public sealed class SameSizeSearchTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(101, 30))
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Size_by_size_search_matches_brute_force(int seed)
    {
        var catalog = RandomCatalog.Create(seed, 5);
        var random = new Random(seed);
        for (var round = 0; round < 3; round++)
        {
            var request = RandomRequests.Create(random, catalog, maxNodes: 4) with { SameSize = true, Alternatives = 1 };
            if (BruteForce.AssertSolverMatches(request, catalog) is { } answer)
            {
                Assert.Equal(answer.Layouts[0].HourlyPrice, answer.LowerBound);
            }
        }
    }

    [Fact]
    public void Several_sizes_are_compared_and_ties_go_to_fewer_nodes()
    {
        // 4 x g7.large (2 vCPU) and 2 x g7.xlarge (4 vCPU) both cost 0.40 for 6 vCPU: fewer nodes wins.
        var catalog = new TestCatalog()
            .Add("ecs.g7.large", 2, 8, 0.10m)
            .Add("ecs.g7.xlarge", 4, 16, 0.20m)
            .Add("ecs.g7.4xlarge", 16, 64, 0.90m)
            .Build();
        var best = Layouts.Best(Layouts.Request(6, 8) with { SameSize = true }, catalog);
        Assert.Equal(2, best.NodeCount);
        Assert.Equal(["ecs.g7.xlarge"], best.Types());
    }
}
