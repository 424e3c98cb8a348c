using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>Explanations are read by people: each resource is named once, with its unit.</summary>
public sealed class InfeasibleWordingTests
{
    private static RegionCatalog Catalog() => new TestCatalog("alibaba", "cn-hangzhou-h")
        .Add("ecs.g7.4xlarge", 16, 64, 0.8m, 0.25m)
        .Add("ecs.gn7i.8xlarge", 32, 128, 8m, gpus: 4, gpuModel: "A10", category: InstanceCategory.Gpu)
        .Build();

    [Fact]
    public void A_gpu_shortage_names_gpus_once()
    {
        var answer = Layouts.CpSat.Recommend(Layouts.Request(8, 32) with { Gpus = 8, MaxNodes = 1 }, Catalog());

        Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
        Assert.Contains("maxNodes 1 is too low: 8 GPUs need at least 2 nodes", answer.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_memory_shortage_says_gib_of_memory()
    {
        var answer = Layouts.CpSat.Recommend(Layouts.Request(8, 1000) with { MaxNodes = 2 }, Catalog());

        Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
        Assert.Contains("GiB of memory need at least", answer.Explanation, StringComparison.Ordinal);
    }
}
