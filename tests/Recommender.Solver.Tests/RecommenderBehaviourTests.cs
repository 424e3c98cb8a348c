using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

public sealed class RecommenderBehaviourTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static TestCatalog Catalog() => new TestCatalog()
        .Add("ecs.g7.xlarge", 4, 16, 0.2m, 0.06m)
        .Add("ecs.c7.2xlarge", 8, 16, 0.35m, 0.1m);

    [Fact]
    public async Task Answer_carries_prices_totals_and_catalog_freshness()
    {
        var catalog = Catalog().Build();
        var recommender = new CpSatRecommender(SolverOptions.Deterministic, new FixedTime(catalog.UpdatedAt.AddHours(3)));
        var answer = await recommender.RecommendAsync(Layouts.Request(10, 20), catalog, CancellationToken.None);

        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
        Assert.Equal((1L, TimeSpan.FromHours(3), "USD"), (answer.CatalogVersion, answer.CatalogAge, answer.Currency));
        var layout = answer.Layouts[0];
        Assert.Equal(layout.Pools.Sum(p => p.HourlyPrice), layout.HourlyPrice);
        Assert.Equal(layout.HourlyPrice * 730, layout.MonthlyPrice);
        Assert.Equal(layout.Pools.Sum(p => p.NodeCount), layout.NodeCount);
        Assert.Equal(Math.Round(layout.Allocatable.Vcpu - 10, 3), layout.AboveRequest.Vcpu);
        Assert.Equal(layout.HourlyPrice, answer.LowerBound);
        Assert.Equal(0, answer.Gap);
        Assert.Null(answer.Explanation);
    }

    [Fact]
    public void Cancellation_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Layouts.CpSat.Recommend(Layouts.Request(10, 20), Catalog().Build(), cts.Token));
    }

    [Fact]
    public void Fallback_layout_is_valid_whenever_one_exists()
    {
        var catalog = RandomCatalog.Create(11, 40);
        var random = new Random(11);
        var found = 0;
        for (var i = 0; i < 30; i++)
        {
            var request = RandomRequests.Create(random, catalog, maxNodes: 40, scale: 5);
            var fallback = FallbackLayout.Find(request, catalog, NodePoolProblemBuilder.Build(request, catalog));
            if (fallback is not null)
            {
                found++;
                var layout = LayoutFactory.Create(fallback, request);
                Layouts.AssertValid(request, catalog, layout);
                Assert.True(Layouts.CpSat.Recommend(request, catalog).Layouts[0].HourlyPrice <= layout.HourlyPrice);
            }
        }

        Assert.True(found >= 10, $"only {found} fallbacks");
    }

    [Fact]
    public void A_tiny_time_limit_still_returns_only_valid_layouts()
    {
        var catalog = RandomCatalog.Create(3, 120);
        var rushed = new CpSatRecommender(SolverOptions.Deterministic with { TimeLimit = TimeSpan.FromMilliseconds(1) }, TimeProvider.System);
        var request = Layouts.Request(300, 900) with { MaxNodes = 200, SpotDiversity = 4, Alternatives = 3 };
        var answer = rushed.Recommend(request, catalog);
        Assert.NotEqual(RecommendationStatus.Infeasible, answer.Status);
        foreach (var layout in answer.Layouts)
        {
            Layouts.AssertValid(request, catalog, layout);
        }

        if (answer.Status == RecommendationStatus.Feasible)
        {
            Assert.InRange(answer.Gap!.Value, 0, 1);
        }
    }
}
