namespace Recommender.Core.Recommendations;

/// <summary>How many recommendations a store keeps for one caller and for all callers together (reservations included).</summary>
public sealed record RecommendationQuota
{
    public RecommendationQuota(int perCaller, int total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perCaller, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        PerCaller = perCaller;
        Total = total;
    }

    public int PerCaller { get; }

    public int Total { get; }

    /// <summary>The bound of <paramref name="scope"/>.</summary>
    public int Of(QuotaScope scope) => scope == QuotaScope.Caller ? PerCaller : Total;
}
