namespace Recommender.Core.Recommendations;

/// <summary>How far a <see cref="Recommendation"/> can be trusted.</summary>
public enum RecommendationStatus
{
    /// <summary>The best layout is proven cheapest (gap 0).</summary>
    Optimal,

    /// <summary>The time limit hit after a layout was found; see the gap to the proven lower bound.</summary>
    Feasible,

    /// <summary>No layout satisfies the request; the explanation says which requirement fails.</summary>
    Infeasible,

    /// <summary>The solver found nothing in time (or failed); layouts hold the greedy fallback when it satisfies the request.</summary>
    TimedOut,
}
