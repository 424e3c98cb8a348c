namespace Recommender.Core.Recommendations;

/// <summary>Told about each solve by <c>SlotLimitedRecommender</c>: how long it queued for a slot, and how it ended.</summary>
public interface ISolveObserver
{
    /// <summary>A request waited <paramref name="waited"/> for a slot and got one, or not (<paramref name="acquired"/> false: SOLVER_BUSY).</summary>
    void Queued(TimeSpan waited, bool acquired);

    /// <summary>A solve finished with <paramref name="status"/> after <paramref name="elapsed"/> (slot held, queue excluded).</summary>
    void Solved(RecommendationStatus status, TimeSpan elapsed, double? relativeGap);
}
