using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>Shared assertions and the deterministic recommender every test uses.</summary>
public static class Layouts
{
    public static CpSatRecommender CpSat { get; } = new(SolverOptions.Deterministic with { TimeLimit = TimeSpan.FromSeconds(10) }, TimeProvider.System);

    public static LayoutRequest Request(double cpu, double memoryGiB) => new() { Region = TestCatalog.Region, Cpu = cpu, MemoryGiB = memoryGiB };

    /// <summary>Recommends, asserts an optimal answer whose every layout passes the checker, returns the best layout.</summary>
    public static Layout Best(LayoutRequest request, RegionCatalog catalog)
    {
        var answer = CpSat.Recommend(request, catalog);
        Assert.True(answer.Status == RecommendationStatus.Optimal, $"{answer.Status}: {answer.Explanation}");
        foreach (var layout in answer.Layouts)
        {
            AssertValid(request, catalog, layout);
        }

        return answer.Layouts[0];
    }

    public static void AssertValid(LayoutRequest request, RegionCatalog catalog, Layout layout)
    {
        var violations = LayoutChecker.Check(request, catalog, layout.Pools);
        Assert.True(violations.Count == 0, string.Join("; ", violations.Select(v => $"{v.Rule}: {v.Message}")));
    }

    public static IEnumerable<string> Types(this Layout layout) => layout.Pools.Select(p => p.InstanceType).Distinct();
}
