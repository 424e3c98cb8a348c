using Recommender.Core.Recommendations;
using Recommender.Solver.Telescopes;

namespace Recommender.Solver.Tests;

/// <summary>Property: wherever the Telescopes layout satisfies our request, ours is valid and no dearer.</summary>
public sealed class GreedyOracleTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(100, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Never_dearer_than_a_valid_greedy_layout(int seed)
    {
        var catalog = RandomCatalog.Create(seed, 25);
        var random = new Random(seed);
        for (var round = 0; round < 8; round++)
        {
            var request = RandomRequests.Create(random, catalog, maxNodes: 60, scale: 8);
            var answer = Layouts.CpSat.Recommend(request, catalog);
            foreach (var layout in answer.Layouts)
            {
                Layouts.AssertValid(request, catalog, layout);
            }

            foreach (var allocatable in new[] { false, true })
            {
                var greedy = new TelescopesGreedyRecommender(allocatable).Recommend(request, catalog);
                if (greedy is null)
                {
                    continue;
                }

                var layout = LayoutFactory.Create(greedy.ToPoolChoices(request, catalog), request);
                if (LayoutChecker.Check(request, catalog, layout.Pools).Count > 0)
                {
                    continue;
                }

                Assert.Equal(RecommendationStatus.Optimal, answer.Status);
                Assert.True(answer.Layouts[0].HourlyPrice <= layout.HourlyPrice, $"{answer.Layouts[0].HourlyPrice} > greedy {layout.HourlyPrice}");
            }
        }
    }

    [Fact]
    public void Greedy_layouts_are_often_valid_so_the_property_is_exercised()
    {
        var compared = 0;
        for (var seed = 100; seed < 130; seed++)
        {
            var catalog = RandomCatalog.Create(seed, 25);
            var random = new Random(seed);
            for (var round = 0; round < 8; round++)
            {
                var request = RandomRequests.Create(random, catalog, maxNodes: 60, scale: 8);
                var greedy = new TelescopesGreedyRecommender(useAllocatable: true).Recommend(request, catalog);
                if (greedy is not null && LayoutChecker.Check(request, catalog, LayoutFactory.Create(greedy.ToPoolChoices(request, catalog), request).Pools).Count == 0)
                {
                    compared++;
                }
            }
        }

        Assert.True(compared >= 10, $"only {compared} valid greedy layouts");
    }
}
