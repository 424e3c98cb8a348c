namespace Recommender.Core.Recommendations;

/// <summary>Which bound of a <see cref="RecommendationQuota"/> refused a reservation.</summary>
public enum QuotaScope
{
    /// <summary>The caller already holds its own bound.</summary>
    Caller,

    /// <summary>The store holds its total bound, summed over every caller.</summary>
    Total,
}
