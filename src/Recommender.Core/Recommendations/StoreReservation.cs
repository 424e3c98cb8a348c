namespace Recommender.Core.Recommendations;

/// <summary>The answer to <see cref="IRecommendationStore.ReserveAsync"/>: granted, or refused by one bound.</summary>
/// <param name="RefusedBy">The full bound; null when the place was reserved.</param>
/// <param name="Limit">That bound's size; 0 when granted.</param>
/// <param name="OldestExpiresAt">When the oldest entry counted by that bound expires (a place frees up then).</param>
public sealed record StoreReservation(QuotaScope? RefusedBy, int Limit, DateTimeOffset? OldestExpiresAt)
{
    public static StoreReservation Granted { get; } = new(null, 0, null);

    public bool IsGranted => RefusedBy is null;

    public static StoreReservation Refused(QuotaScope scope, int limit, DateTimeOffset oldestExpiresAt) =>
        new(scope, limit, oldestExpiresAt);
}
