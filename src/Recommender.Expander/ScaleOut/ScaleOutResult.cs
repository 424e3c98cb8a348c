using Recommender.Core.Recommendations;

namespace Recommender.Expander.ScaleOut;

/// <summary>The answer to a <see cref="ScaleOutRequest"/>. An impossible scale-out is an answer too, never an exception.</summary>
/// <param name="Plans">Best first; the rest are the next-cheapest changes using a different set of grown and added pools.</param>
/// <param name="LowerBound">Proven lower bound on the added hourly price of any change; null when none is known.</param>
/// <param name="Gap">(added price of the best change - lower bound) / that price; 0 when optimal, null without both.</param>
/// <param name="Explanation">Why there is no change, why the check added nodes, or what the time limit did; null otherwise.</param>
/// <param name="Baseline">Growing the cheapest single existing pool that can meet the demand alone; null when none can.</param>
public sealed record ScaleOutResult(
    RecommendationStatus Status,
    IReadOnlyList<ScaleOutPlan> Plans,
    decimal? LowerBound,
    double? Gap,
    long SolveTimeMs,
    string? Explanation,
    ScaleOutDemand Demand,
    PodRule PodRule,
    SinglePoolGrowth? Baseline,
    int OptionsCompared,
    long CatalogVersion,
    string Currency);
