using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>
/// Recommendations kept in this process (lost on restart, not shared between replicas), within a
/// <see cref="RecommendationQuota"/> per caller and in total. Nothing live is ever evicted: when a bound is full, new
/// reservations are refused until the oldest entry under it expires. Also the Redis store's pending buffer during an
/// outage (<see cref="ResilientRecommendationStore"/>), which reads <see cref="Records"/> to write them later.
/// </summary>
public sealed class InMemoryRecommendationStore : IRecommendationStore, IRecommendationStoreStatus
{
    public const string Kind = "memory";

    /// <summary>Expiry first, id to tell equal expiries apart: the set's minimum is always the next to expire.</summary>
    private static readonly Comparer<(DateTimeOffset ExpiresAt, string Id)> ByExpiry = Comparer<(DateTimeOffset ExpiresAt, string Id)>
        .Create((a, b) => a.ExpiresAt != b.ExpiresAt ? a.ExpiresAt.CompareTo(b.ExpiresAt) : string.CompareOrdinal(a.Id, b.Id));

    private readonly TimeProvider time;
    private readonly RecommendationQuota quota;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<(DateTimeOffset ExpiresAt, string Id)>> byCaller = new(StringComparer.Ordinal);
    private readonly SortedSet<(DateTimeOffset ExpiresAt, string Id)> all = new(ByExpiry);
    private int recordCount;

    public InMemoryRecommendationStore(TimeProvider time, RecommendationQuota quota)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(quota);
        this.time = time;
        this.quota = quota;
    }

    public RecommendationQuota Quota => quota;

    /// <summary>Places held: stored recommendations and reservations whose answer is still being computed.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                DropExpired(time.GetUtcNow());
                return byId.Count;
            }
        }
    }

    /// <summary>Stored recommendations only (no reservations).</summary>
    public int RecordCount
    {
        get
        {
            lock (gate)
            {
                DropExpired(time.GetUtcNow());
                return recordCount;
            }
        }
    }

    public Task<StoreReservation> ReserveAsync(string caller, string id, DateTimeOffset heldUntil, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            DropExpired(time.GetUtcNow());
            if (byId.ContainsKey(id))
            {
                return Task.FromResult(StoreReservation.Granted);
            }

            if (byCaller.TryGetValue(caller, out var mine) && mine.Count >= quota.PerCaller)
            {
                return Task.FromResult(StoreReservation.Refused(QuotaScope.Caller, quota.PerCaller, mine.Min.ExpiresAt));
            }

            if (all.Count >= quota.Total)
            {
                return Task.FromResult(StoreReservation.Refused(QuotaScope.Total, quota.Total, all.Min.ExpiresAt));
            }

            Add(caller, new Entry(caller, id, heldUntil, null));
            return Task.FromResult(StoreReservation.Granted);
        }
    }

    public Task SaveAsync(string caller, StoredRecommendation recommendation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(recommendation);
        var now = time.GetUtcNow();
        lock (gate)
        {
            DropExpired(now);
            Remove(recommendation.Id);
            if (recommendation.ExpiresAt > now)
            {
                Add(caller, new Entry(caller, recommendation.Id, recommendation.ExpiresAt, recommendation));
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> UpdateAsync(string caller, StoredRecommendation recommendation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(recommendation);
        lock (gate)
        {
            DropExpired(time.GetUtcNow());
            if (!byId.TryGetValue(recommendation.Id, out var entry) || entry.Recommendation is null || entry.Caller != caller)
            {
                return Task.FromResult(false);
            }

            // Same key in every index (expiry and id unchanged), so only the record itself is swapped.
            byId[recommendation.Id] = entry with { Recommendation = recommendation with { ExpiresAt = entry.ExpiresAt } };
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string caller, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            if (byId.TryGetValue(id, out var entry) && entry.Caller == caller)
            {
                Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    public Task<StoredRecommendation?> GetAsync(string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            var found = byId.TryGetValue(id, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Recommendation : null;
            return Task.FromResult(found);
        }
    }

    /// <summary>Every live stored recommendation with its caller, oldest first (reservations left out).</summary>
    public IReadOnlyList<(string Caller, StoredRecommendation Recommendation)> Records()
    {
        lock (gate)
        {
            DropExpired(time.GetUtcNow());
            return [.. byId.Values
                .Where(e => e.Recommendation is not null)
                .OrderBy(e => e.Recommendation!.CreatedAt)
                .Select(e => (e.Caller, e.Recommendation!))];
        }
    }

    public RecommendationStoreHealth GetHealth() => new(Kind, RecommendationStoreState.Available, Breaker: null, Stored: Count, Pending: 0,
        TimedOutCalls: 0, FailedCalls: 0, ShortCircuitedCalls: 0, LastError: null, LastSuccessAt: null);

    private void Add(string caller, Entry entry)
    {
        byId.Add(entry.Id, entry);
        all.Add((entry.ExpiresAt, entry.Id));
        if (!byCaller.TryGetValue(caller, out var mine))
        {
            mine = new SortedSet<(DateTimeOffset ExpiresAt, string Id)>(ByExpiry);
            byCaller.Add(caller, mine);
        }

        mine.Add((entry.ExpiresAt, entry.Id));
        recordCount += entry.Recommendation is null ? 0 : 1;
    }

    private void Remove(string id)
    {
        if (!byId.Remove(id, out var entry))
        {
            return;
        }

        all.Remove((entry.ExpiresAt, id));
        if (byCaller.TryGetValue(entry.Caller, out var mine) && mine.Remove((entry.ExpiresAt, id)) && mine.Count == 0)
        {
            // A caller's set lives only while it holds something, so the map stays as small as the store.
            byCaller.Remove(entry.Caller);
        }

        recordCount -= entry.Recommendation is null ? 0 : 1;
    }

    /// <summary>Drops everything whose expiry has passed, soonest first; each costs O(log n).</summary>
    private void DropExpired(DateTimeOffset now)
    {
        while (all.Count > 0 && all.Min.ExpiresAt <= now)
        {
            Remove(all.Min.Id);
        }
    }

    /// <param name="Recommendation">Null while only reserved (the answer is being computed).</param>
    private sealed record Entry(string Caller, string Id, DateTimeOffset ExpiresAt, StoredRecommendation? Recommendation);
}
