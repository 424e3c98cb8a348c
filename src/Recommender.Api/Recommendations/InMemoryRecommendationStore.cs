using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>
/// Recommendations kept in this process (lost on restart, not shared between replicas). Bounded: when full, expired
/// entries go first, then the oldest; with one retention for all, the oldest is also the first to expire.
/// </summary>
public sealed class InMemoryRecommendationStore : IRecommendationStore
{
    private readonly TimeProvider time;
    private readonly int capacity;
    private readonly Lock gate = new();
    private readonly Dictionary<string, StoredRecommendation> byId = new(StringComparer.Ordinal);
    private readonly Queue<string> insertionOrder = new();

    public InMemoryRecommendationStore(TimeProvider time, int capacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.time = time;
        this.capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byId.Count;
            }
        }
    }

    public Task SaveAsync(StoredRecommendation recommendation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var now = time.GetUtcNow();
        lock (gate)
        {
            DropExpired(now);
            while (byId.Count >= capacity && insertionOrder.TryDequeue(out var oldest))
            {
                byId.Remove(oldest);
            }

            if (byId.TryAdd(recommendation.Id, recommendation))
            {
                insertionOrder.Enqueue(recommendation.Id);
            }
            else
            {
                byId[recommendation.Id] = recommendation;
            }
        }

        return Task.CompletedTask;
    }

    public Task<StoredRecommendation?> GetAsync(string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            return Task.FromResult(byId.TryGetValue(id, out var found) && found.ExpiresAt > time.GetUtcNow() ? found : null);
        }
    }

    /// <summary>
    /// Drops expired entries from the old end. One retention applies to all, so expiry follows insertion order; an
    /// entry that expires out of order is still never returned by <see cref="GetAsync"/> and goes when it reaches the end.
    /// </summary>
    private void DropExpired(DateTimeOffset now)
    {
        while (insertionOrder.TryPeek(out var oldest) && (!byId.TryGetValue(oldest, out var r) || r.ExpiresAt <= now))
        {
            insertionOrder.Dequeue();
            byId.Remove(oldest);
        }
    }
}
