using Recommender.Core.Recommendations;
using StackExchange.Redis;

namespace Recommender.Redis;

/// <summary>
/// Recommendations shared by every replica: one string key per id holding its <see cref="RecommendationJson"/>
/// bytes, written with SET ... PX so Redis itself drops it at <see cref="StoredRecommendation.ExpiresAt"/>.
/// </summary>
public sealed class RedisRecommendationStore : IRecommendationStore
{
    public const string DefaultKeyPrefix = "recommender:recommendation:";

    private readonly IConnectionMultiplexer redis;
    private readonly TimeProvider time;
    private readonly string keyPrefix;

    public RedisRecommendationStore(IConnectionMultiplexer redis, TimeProvider time, string keyPrefix = DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        this.redis = redis;
        this.time = time;
        this.keyPrefix = keyPrefix;
    }

    public async Task SaveAsync(StoredRecommendation recommendation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ct.ThrowIfCancellationRequested();
        var ttl = recommendation.ExpiresAt - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return; // Already expired: Redis rejects a non-positive expiry, and nobody may read it anyway.
        }

        var written = await redis.GetDatabase()
            .StringSetAsync(KeyOf(recommendation.Id), RecommendationJson.Serialize(recommendation), ttl)
            .WaitAsync(ct).ConfigureAwait(false);
        if (!written)
        {
            throw new RedisException($"Redis did not store recommendation {recommendation.Id}.");
        }
    }

    public async Task<StoredRecommendation?> GetAsync(string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        ct.ThrowIfCancellationRequested();
        using var lease = await redis.GetDatabase().StringGetLeaseAsync(KeyOf(id)).WaitAsync(ct).ConfigureAwait(false);
        if (lease is null)
        {
            return null;
        }

        // Redis expires keys to the millisecond; the stored instant is the contract.
        var found = RecommendationJson.Deserialize(lease.Span);
        return found.ExpiresAt > time.GetUtcNow() ? found : null;
    }

    private RedisKey KeyOf(string id) => keyPrefix + id;
}
