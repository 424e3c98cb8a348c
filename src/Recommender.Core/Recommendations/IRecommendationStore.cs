namespace Recommender.Core.Recommendations;

/// <summary>Keeps served recommendations until their <see cref="StoredRecommendation.ExpiresAt"/>, so clients can read them again by id.</summary>
public interface IRecommendationStore
{
    /// <summary>Stores <paramref name="recommendation"/> under its id until it expires (an already expired one may be dropped).</summary>
    Task SaveAsync(StoredRecommendation recommendation, CancellationToken ct);

    /// <summary>The recommendation with this id; null when unknown or expired.</summary>
    Task<StoredRecommendation?> GetAsync(string id, CancellationToken ct);
}
