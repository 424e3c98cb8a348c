using System.Diagnostics;
using System.Globalization;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver;

namespace Recommender.Benchmarks.Solver;

/// <summary>
/// <c>solver-suite --variants 35,26</c>: solves the named suite requests as they are and with one rule relaxed at a
/// time (no on-demand share, all on-demand, maxNodes ×10, spotDiversity 1), each the best of two runs, to show which
/// rule makes a slow request slow.
/// </summary>
public static class SuiteVariants
{
    private static readonly (string Name, Func<LayoutRequest, LayoutRequest> Change)[] Changes =
    [
        ("as is", r => r),
        ("onDemandPct 0", r => r with { OnDemandPct = 0 }),
        ("onDemandPct 100", r => r with { OnDemandPct = 100 }),
        ("maxNodes x10", r => r with { MaxNodes = Math.Min(LayoutRequestLimits.MaxNodes, r.MaxNodes * 10) }),
        ("spotDiversity 1", r => r with { SpotDiversity = 1 }),
    ];

    public static void Run(string name, RegionCatalog catalog, SolverOptions options, IReadOnlyList<int> indices)
    {
        var recommender = new CpSatRecommender(options, TimeProvider.System);
        var requests = SuiteRequests.Create(catalog);
        Console.WriteLine();
        Console.WriteLine($"## {name}: ms (best of 2), status, price, nodes");
        Console.WriteLine();
        Console.WriteLine($"| request | {string.Join(" | ", Changes.Select(c => c.Name))} |");
        Console.WriteLine($"|---|{string.Concat(Changes.Select(_ => "---|"))}");
        foreach (var index in indices.Where(i => i >= 0 && i < requests.Count))
        {
            var (kind, request) = requests[index];
            var cells = Changes.Select(change => Cell(recommender, change.Change(request), catalog));
            Console.WriteLine(FormattableString.Invariant($"| #{index} {kind}, od {request.OnDemandPct}, D {request.SpotDiversity} | {string.Join(" | ", cells)} |"));
        }
    }

    private static string Cell(CpSatRecommender recommender, LayoutRequest request, RegionCatalog catalog)
    {
        var best = double.MaxValue;
        Recommendation? answer = null;
        for (var run = 0; run < 2; run++)
        {
            var watch = Stopwatch.StartNew();
            answer = recommender.Recommend(request, catalog);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        var layout = answer!.Layouts.FirstOrDefault();
        var status = answer.Status == RecommendationStatus.Optimal ? string.Empty : $" {answer.Status}";
        return string.Create(CultureInfo.InvariantCulture, $"{best:0.0}{status} ({layout?.HourlyPrice}, {layout?.NodeCount})");
    }
}
