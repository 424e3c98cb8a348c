namespace Recommender.Api.Recommendations;

public enum RecommendationStoreState
{
    /// <summary>Every answer is stored where every replica reads it.</summary>
    Available,

    /// <summary>
    /// The remote store is unreachable (or this replica still holds answers it could not write there): answers are kept
    /// and served by this replica, ids held elsewhere answer STORE_UNAVAILABLE, and the service otherwise keeps answering.
    /// </summary>
    Degraded,
}
