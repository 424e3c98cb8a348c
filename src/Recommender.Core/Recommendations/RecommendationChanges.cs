namespace Recommender.Core.Recommendations;

/// <summary>What a background solve changed in a stored recommendation (one <see cref="RecommendationImprovement"/>).</summary>
[Flags]
public enum RecommendationChanges
{
    /// <summary>Nothing: no improvement is recorded.</summary>
    None = 0,

    /// <summary>The status (e.g. FEASIBLE to OPTIMAL).</summary>
    Status = 1,

    /// <summary>The best layout's hourly price (only ever lower).</summary>
    Price = 2,

    /// <summary>The proven lower bound (only ever higher).</summary>
    Bound = 4,

    /// <summary>The relative gap.</summary>
    Gap = 8,

    /// <summary>The layouts (a cheaper best layout, or cheaper or further alternatives).</summary>
    Layouts = 16,
}
