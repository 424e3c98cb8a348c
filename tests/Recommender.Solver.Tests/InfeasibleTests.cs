using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>Impossible requests are answers that say which requirement fails.</summary>
public sealed class InfeasibleTests
{
    private static RegionCatalog Catalog() => new TestCatalog("alibaba", "cn-hangzhou-h", "cn-hangzhou-i")
        .Add("ecs.g7.xlarge", 4, 16, 0.2m, 0.06m)
        .Add("ecs.g7.4xlarge", 16, 64, 0.8m, 0.25m)
        .Add("ecs.gn7i.8xlarge", 32, 128, 8m, gpus: 4, gpuModel: "A10", category: InstanceCategory.Gpu, stockIn: ["cn-hangzhou-h"])
        .Build();

    private static Recommendation Recommend(LayoutRequest request) => Layouts.CpSat.Recommend(request, Catalog());

    [Fact]
    public void Gpus_without_stock_in_a_zone_name_the_zone()
    {
        var answer = Recommend(Layouts.Request(8, 32) with { Gpus = 8, Zones = ["cn-hangzhou-i"] });
        Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
        Assert.Empty(answer.Layouts);
        Assert.Contains("no instance type with GPUs has stock in cn-hangzhou-i", answer.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_candidate_set_names_the_filter_that_emptied_it()
    {
        var answer = Recommend(Layouts.Request(8, 32) with { Categories = [InstanceCategory.Memory] });
        Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
        Assert.Contains("is in categories [Memory]", answer.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_nodes_even_with_the_largest_type()
    {
        var answer = Recommend(Layouts.Request(200, 32) with { MaxNodes = 3 });
        Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
        Assert.Contains("maxNodes 3 is too low", answer.Explanation, StringComparison.Ordinal);
        Assert.Contains("ecs.g7.4xlarge", answer.Explanation, StringComparison.Ordinal); // gn7i has no stock in -i
    }

    [Fact]
    public void Same_size_with_too_few_nodes()
    {
        // 2 nodes could mix a 4xlarge and a GPU node, but no single size covers 40 vCPU and 4 GPUs on 2 nodes... except gn7i.
        var answer = Recommend(Layouts.Request(40, 16) with { MaxNodes = 2, SameSize = true, Excludes = ["ecs.gn7i.8xlarge"] });
        Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
        Assert.Contains("maxNodes 2 is too low", answer.Explanation, StringComparison.Ordinal);

        var mixed = Recommend(Layouts.Request(40, 16) with { MaxNodes = 2, SameSize = true, Includes = ["ecs.g7.4xlarge", "ecs.g7.xlarge"], MinNodes = 2, MaxPools = 2 });
        Assert.Equal(RecommendationStatus.Infeasible, mixed.Status);
    }

    /// <summary>A CPU-heavy and a memory-heavy type: one of each covers the request on 2 nodes, two of either do not.</summary>
    private static RegionCatalog Skewed() => new TestCatalog()
        .Add("ecs.hfc7.4xlarge", 16, 8, 0.5m, category: InstanceCategory.Compute)
        .Add("ecs.re7.large", 2, 64, 0.5m, category: InstanceCategory.Memory)
        .Build();

    [Fact]
    public void Only_the_combination_fails()
    {
        var request = Layouts.Request(17, 50) with { MaxNodes = 2 };
        Assert.Equal(RecommendationStatus.Optimal, Layouts.CpSat.Recommend(request, Skewed()).Status);
        var answer = Layouts.CpSat.Recommend(request with { MaxPools = 1 }, Skewed());
        Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
        Assert.Contains("not all together", answer.Explanation, StringComparison.Ordinal);
        Assert.Contains("at most 1 pools", answer.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_size_names_itself_when_sizes_alone_are_the_obstacle()
    {
        var answer = Layouts.CpSat.Recommend(Layouts.Request(17, 50) with { MaxNodes = 2, SameSize = true }, Skewed());
        Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
        Assert.StartsWith("sameSize", answer.Explanation, StringComparison.Ordinal);
    }
}
