namespace Recommender.Core.Recommendations;

/// <summary>
/// Folds a later solve of the same request into the answer already given, so that what a client reads only ever gets
/// better: the best layout never dearer, the lower bound never lower, and the alternatives still ordered by price with a different set of instance types each.
/// Layouts are compared as the solver ranks them: price, then fewer nodes, then fewer pools; a later layout replaces
/// the current one only when strictly better, so the answer never flips between equals.
/// </summary>
public static class RecommendationMerge
{
    /// <summary>
    /// <paramref name="current"/> improved by <paramref name="later"/> (both answers to the same request over the same
    /// catalog), keeping at most <paramref name="alternatives"/> layouts. Solve time adds up: it is the solver time
    /// spent on the answer in all.
    /// </summary>
    public static Recommendation Merge(Recommendation current, Recommendation later, int alternatives)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(later);
        ArgumentOutOfRangeException.ThrowIfLessThan(alternatives, 1);
        var solveTime = current.SolveTimeMs + later.SolveTimeMs;
        if (current.Status is RecommendationStatus.Optimal or RecommendationStatus.Infeasible)
        {
            return current with { SolveTimeMs = solveTime }; // Proven: nothing can improve it.
        }

        if (current.Layouts.Count == 0)
        {
            // Nothing was found in time: whatever the later solve says (a layout, or a proof there is none) is better.
            return later.Layouts.Count > 0
                ? WithBound(later with { SolveTimeMs = solveTime }, later.LowerBound, later.Explanation)
                : later.Status == RecommendationStatus.Infeasible ? later with { SolveTimeMs = solveTime } : current with { SolveTimeMs = solveTime };
        }

        if (later.Layouts.Count == 0)
        {
            // The later solve found nothing (it timed out, or was refused): it can only add a bound.
            return WithBound(current, Max(current.LowerBound, later.LowerBound), current.Explanation) with { SolveTimeMs = solveTime };
        }

        var laterBest = later.Layouts[0];
        var best = IsBetter(laterBest, current.Layouts[0]) ? laterBest : current.Layouts[0];
        var layouts = Alternatives(best, current.Layouts.Concat(later.Layouts), alternatives);
        var bound = Max(current.LowerBound, later.LowerBound);
        var explanation = ReferenceEquals(best, laterBest) || later.Status == RecommendationStatus.Optimal ? later.Explanation : current.Explanation;
        var merged = current with
        {
            Layouts = layouts,
            Status = current.Status == RecommendationStatus.TimedOut && later.Status == RecommendationStatus.TimedOut
                ? RecommendationStatus.TimedOut
                : RecommendationStatus.Feasible,
            SolveTimeMs = solveTime,
        };
        return WithBound(merged, bound, explanation);
    }

    /// <summary>
    /// What changed from <paramref name="before"/> to <paramref name="after"/>, as an improvement made at
    /// <paramref name="at"/>; null when nothing a client reads changed.
    /// </summary>
    public static RecommendationImprovement? Improvement(Recommendation before, Recommendation after, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (priceBefore, priceAfter) = (Price(before), Price(after));
        var changes = RecommendationChanges.None;
        changes |= before.Status != after.Status ? RecommendationChanges.Status : 0;
        changes |= priceBefore != priceAfter ? RecommendationChanges.Price : 0;
        changes |= before.LowerBound != after.LowerBound ? RecommendationChanges.Bound : 0;
        changes |= before.Gap != after.Gap ? RecommendationChanges.Gap : 0;
        changes |= !before.Layouts.SequenceEqual(after.Layouts, LayoutComparer.Instance) ? RecommendationChanges.Layouts : 0;
        return changes == RecommendationChanges.None
            ? null
            : new RecommendationImprovement(
                at, changes, before.Status, after.Status, priceBefore, priceAfter, before.LowerBound, after.LowerBound, before.Gap, after.Gap);
    }

    /// <summary>Whether <paramref name="answer"/> is proven: optimal, or proven to have no layout at all.</summary>
    public static bool IsProven(Recommendation answer) =>
        answer?.Status is RecommendationStatus.Optimal or RecommendationStatus.Infeasible;

    /// <summary>
    /// <paramref name="best"/>, then the cheapest of the other layouts, each with a set of instance types that no layout
    /// before it has: the order and the distinctness rule a solve of its own gives its alternatives.
    /// </summary>
    private static List<Layout> Alternatives(Layout best, IEnumerable<Layout> candidates, int alternatives)
    {
        var layouts = new List<Layout> { best };
        var seen = new HashSet<string>(StringComparer.Ordinal) { TypeSet(best) };
        // A stable sort: among equal prices the current answer's layouts (listed first) keep their places.
        foreach (var layout in candidates.OrderBy(l => l.HourlyPrice).ThenBy(l => l.NodeCount).ThenBy(l => l.Pools.Count))
        {
            if (layouts.Count == alternatives)
            {
                break;
            }

            if (seen.Add(TypeSet(layout)))
            {
                layouts.Add(layout);
            }
        }

        return layouts;
    }

    /// <summary>The answer with this lower bound (capped at its best price), its gap, and OPTIMAL when they meet.</summary>
    private static Recommendation WithBound(Recommendation answer, decimal? bound, string? explanation)
    {
        var price = answer.Layouts[0].HourlyPrice;
        if (bound is { } b && b >= price)
        {
            return answer with { Status = RecommendationStatus.Optimal, LowerBound = price, Gap = 0, Explanation = null };
        }

        double? gap = bound is { } lb ? (double)(price <= 0 ? 0 : (price - lb) / price) : null;
        return answer with { LowerBound = bound, Gap = gap, Explanation = explanation };
    }

    private static bool IsBetter(Layout a, Layout b) =>
        (a.HourlyPrice, a.NodeCount, a.Pools.Count).CompareTo((b.HourlyPrice, b.NodeCount, b.Pools.Count)) < 0;

    private static decimal? Max(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static decimal? Price(Recommendation answer) => answer.Layouts.Count > 0 ? answer.Layouts[0].HourlyPrice : null;

    /// <summary>The instance types a layout uses, as one key (capacity types aside, as the alternatives rule reads).</summary>
    private static string TypeSet(Layout layout) =>
        string.Join('\n', layout.Pools.Select(p => p.InstanceType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>Layouts compared by value (records compare their pool lists by reference).</summary>
    private sealed class LayoutComparer : IEqualityComparer<Layout>
    {
        public static LayoutComparer Instance { get; } = new();

        public bool Equals(Layout? x, Layout? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.HourlyPrice == y.HourlyPrice && x.Pools.SequenceEqual(y.Pools));

        public int GetHashCode(Layout obj) => obj.HourlyPrice.GetHashCode();
    }
}
