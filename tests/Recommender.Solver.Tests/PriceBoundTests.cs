using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>The price unit of the objective and the single-pool price cap on the first solve.</summary>
public sealed class PriceBoundTests
{
    [Fact]
    public void Price_unit_is_the_gcd_of_candidate_prices()
    {
        var catalog = new TestCatalog()
            .Add("ecs.g7.large", 2, 8, 0.0600m, 0.0200m)
            .Add("ecs.g7.xlarge", 4, 16, 0.1300m)
            .Build();
        var problem = NodePoolProblemBuilder.Build(Layouts.Request(4, 8), catalog, prune: false);
        Assert.Equal(10_000, problem.PriceUnit); // gcd of 60,000, 20,000 and 130,000 micros
    }

    [Fact]
    public void Single_pool_price_is_a_valid_layout_price_and_an_upper_bound()
    {
        var catalog = new TestCatalog()
            .Add("ecs.g7.large", 2, 8, 0.10m, 0.02m)
            .Add("ecs.g7.xlarge", 4, 16, 0.19m)
            .Add("ecs.c7.2xlarge", 8, 16, 0.40m)
            .Build();
        var request = Layouts.Request(10, 20);
        var problem = NodePoolProblemBuilder.Build(request, catalog);

        // ecs.g7.xlarge: 3 nodes cover 10 vCPU (3 x 3.92) = 0.57; g7.large needs 6 nodes = 0.60; c7.2xlarge 2 = 0.80.
        Assert.Equal(570_000, FallbackLayout.SinglePoolPriceMicros(problem));
        var best = Layouts.Best(request, catalog);
        Assert.True(best.HourlyPrice <= 0.57m);
    }

    [Fact]
    public void Alternatives_may_cost_more_than_the_cap_of_the_first_solve()
    {
        // The cheapest single on-demand pool (the cap, 3 x 0.10) is cheaper than every layout of another type set
        // (each uses a g8 or c9 node), so the alternatives are only found if the cap binds the best layout alone.
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.10m)
            .Add("ecs.g8.xlarge", 4, 32, 0.50m)
            .Add("ecs.c9.2xlarge", 8, 16, 0.90m)
            .Build();
        var request = Layouts.Request(10, 20) with { Alternatives = 3 };
        var answer = Layouts.CpSat.Recommend(request, catalog);
        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
        Assert.Equal(3, answer.Layouts.Count);
        Assert.Equal(0.30m, answer.Layouts[0].HourlyPrice);
        Assert.All(answer.Layouts.Skip(1), l => Assert.True(l.HourlyPrice > 0.30m));
    }
}
