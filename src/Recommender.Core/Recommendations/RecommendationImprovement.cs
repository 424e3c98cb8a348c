namespace Recommender.Core.Recommendations;

/// <summary>
/// One change a background solve made to a stored recommendation after it was answered: when, what, and the values
/// before and after (price of the best layout, proven lower bound, gap, status).
/// </summary>
/// <param name="At">When the store took the change.</param>
public sealed record RecommendationImprovement(
    DateTimeOffset At,
    RecommendationChanges Changes,
    RecommendationStatus PreviousStatus,
    RecommendationStatus Status,
    decimal? PreviousHourlyPrice,
    decimal? HourlyPrice,
    decimal? PreviousLowerBound,
    decimal? LowerBound,
    double? PreviousGap,
    double? Gap);
