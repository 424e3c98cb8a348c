namespace Recommender.Core.Recommendations;

/// <summary>The answer to a <see cref="LayoutRequest"/>. An impossible request is an answer too, never an exception.</summary>
/// <param name="Layouts">Best first; the rest are the next-cheapest layouts using a different set of instance types.</param>
/// <param name="LowerBound">Proven lower bound on the hourly price of any layout; null when none is known.</param>
/// <param name="Gap">(price of the best layout - lower bound) / price; 0 when optimal, null without both.</param>
/// <param name="Explanation">Why the request is infeasible, or what happened on a timeout; null when optimal.</param>
/// <param name="CatalogVersion">Version of the region catalog the answer was computed from.</param>
/// <param name="CatalogAge">How old that catalog was when the answer was computed.</param>
/// <param name="Currency">ISO 4217 code of every price in the answer.</param>
public sealed record Recommendation(
    RecommendationStatus Status,
    IReadOnlyList<Layout> Layouts,
    decimal? LowerBound,
    double? Gap,
    long SolveTimeMs,
    string? Explanation,
    long CatalogVersion,
    TimeSpan CatalogAge,
    string Currency);
