namespace Recommender.Core.Recommendations;

/// <summary>
/// Keeps served recommendations until their <see cref="StoredRecommendation.ExpiresAt"/>, so clients can read them again
/// by id, within a <see cref="RecommendationQuota"/> per caller and in total. A place is reserved before the solve and
/// filled after it: one caller's volume is refused up front and never evicts another caller's records.
/// </summary>
/// <remarks>
/// <c>caller</c> is an opaque key (today derived from the client address, later from the token's subject); stores only
/// compare it, never parse it.
/// </remarks>
public interface IRecommendationStore
{
    /// <summary>
    /// Atomically checks the caller's and the total bound and, when both have room, holds a place for
    /// <paramref name="id"/> until <paramref name="heldUntil"/>; a held place counts like a stored recommendation.
    /// A refusal changes nothing and says which bound is full and when its oldest entry expires.
    /// </summary>
    Task<StoreReservation> ReserveAsync(string caller, string id, DateTimeOffset heldUntil, CancellationToken ct);

    /// <summary>
    /// Stores <paramref name="recommendation"/> for <paramref name="caller"/> until it expires, in the place reserved
    /// under its id (re-counted from its expiry). Never refused for quota: the place was reserved before the solve.
    /// An already expired recommendation may be dropped.
    /// </summary>
    Task SaveAsync(string caller, StoredRecommendation recommendation, CancellationToken ct);

    /// <summary>
    /// Replaces the stored recommendation with <paramref name="recommendation"/>'s id by it, in place: the same place of
    /// <paramref name="caller"/> and the same expiry (its ExpiresAt is the stored one; the store keeps its own). Used
    /// by the background proof to publish improvements. False, and nothing changed, when the id is unknown, expired or only reserved.
    /// </summary>
    Task<bool> UpdateAsync(string caller, StoredRecommendation recommendation, CancellationToken ct);

    /// <summary>Gives back a place reserved for an answer that was never produced (solver failure, busy, cancelled).</summary>
    Task ReleaseAsync(string caller, string id, CancellationToken ct);

    /// <summary>The recommendation with this id; null when unknown, expired, or only reserved.</summary>
    Task<StoredRecommendation?> GetAsync(string id, CancellationToken ct);
}
