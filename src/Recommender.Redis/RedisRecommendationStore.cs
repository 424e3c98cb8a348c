using System.Globalization;
using Recommender.Core.Recommendations;
using StackExchange.Redis;

namespace Recommender.Redis;

/// <summary>
/// Recommendations shared by every replica, within a <see cref="RecommendationQuota"/>. Keys, all under the prefix and
/// all expiring:
/// <list type="bullet">
/// <item><c>{prefix}{id}</c>: the <see cref="RecommendationJson"/> bytes, SET with PX so Redis drops it at its expiry;</item>
/// <item><c>{prefix}quota:caller:{caller}</c>: sorted set of the caller's ids (reserved or stored) scored by expiry (Unix ms);</item>
/// <item><c>{prefix}quota:all</c>: the same over every caller, for the total bound.</item>
/// </list>
/// Each operation is one Lua script (atomic, like MULTI/EXEC): it first prunes members whose expiry has passed, so the
/// sets count exactly what is live, and keeps each set's TTL at its newest member's. Concurrent reservations from any
/// number of replicas therefore never exceed a bound.
/// </summary>
/// <remarks>
/// Expiry instants come from this replica's clock (<see cref="TimeProvider"/>), as the records' own ExpiresAt does; the
/// scripts take "now" as an argument and never read Redis' clock, so they stay deterministic.
/// </remarks>
public sealed class RedisRecommendationStore : IRecommendationStore
{
    public const string DefaultKeyPrefix = "recommender:recommendation:";

    /// <summary>Extends a set's TTL to <c>ttl</c> ms when it would otherwise expire sooner (PTTL is -1 or -2 when unset).</summary>
    private const string KeepAlive = """
        local function keep(key, ttl)
          if redis.call('PTTL', key) < ttl then
            redis.call('PEXPIRE', key, ttl)
          end
        end
        """;

    /// <summary>
    /// KEYS: caller set, total set. ARGV: now ms, id, held-until ms, per-caller bound, total bound.
    /// Returns {0 granted | 1 caller full | 2 total full, total count, oldest expiry ms of the full set (or 0)}.
    /// </summary>
    private const string Reserve = KeepAlive + "\n" + """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
        local total = redis.call('ZCARD', KEYS[2])
        if redis.call('ZSCORE', KEYS[1], ARGV[2]) then
          return {0, total, '0'}
        end
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then
          return {1, total, redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]}
        end
        if total >= tonumber(ARGV[5]) then
          return {2, total, redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')[2]}
        end
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
        local ttl = tonumber(ARGV[3]) - tonumber(ARGV[1])
        keep(KEYS[1], ttl)
        keep(KEYS[2], ttl)
        return {0, total + 1, '0'}
        """;

    /// <summary>
    /// KEYS: record, caller set, total set. ARGV: payload, ttl ms, expiry ms, id. The record first: under maxmemory
    /// Redis refuses that SET and nothing is applied. Returns the total count.
    /// </summary>
    private const string Save = KeepAlive + "\n" + """
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
        redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
        keep(KEYS[2], tonumber(ARGV[2]))
        keep(KEYS[3], tonumber(ARGV[2]))
        return redis.call('ZCARD', KEYS[3])
        """;

    /// <summary>
    /// KEYS: record, caller set. ARGV: payload, id. Overwrites the record keeping its remaining TTL, only while it lives
    /// and belongs to the caller (a reservation alone has no record). Returns 1 when written, else 0.
    /// </summary>
    private const string Update = """
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl <= 0 or not redis.call('ZSCORE', KEYS[2], ARGV[2]) then
          return 0
        end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
        return 1
        """;

    /// <summary>KEYS: caller set, total set. ARGV: id. Returns the total count.</summary>
    private const string Release = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('ZREM', KEYS[2], ARGV[1])
        return redis.call('ZCARD', KEYS[2])
        """;

    private readonly IConnectionMultiplexer redis;
    private readonly TimeProvider time;
    private readonly string keyPrefix;
    private readonly RecommendationQuota quota;
    private readonly RedisKey totalKey;
    private long lastKnownTotal = -1;

    /// <param name="quota">Bounds per caller and in total; default 1,000 and 100,000.</param>
    public RedisRecommendationStore(
        IConnectionMultiplexer redis, TimeProvider time, string keyPrefix = DefaultKeyPrefix, RecommendationQuota? quota = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        this.redis = redis;
        this.time = time;
        this.keyPrefix = keyPrefix;
        this.quota = quota ?? new RecommendationQuota(1_000, 100_000);
        totalKey = keyPrefix + "quota:all";
    }

    /// <summary>Places held over every caller, as the last script that ran on this connection saw it; null before any.</summary>
    public long? LastKnownTotal => Interlocked.Read(ref lastKnownTotal) is var total and >= 0 ? total : null;

    public async Task<StoreReservation> ReserveAsync(string caller, string id, DateTimeOffset heldUntil, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(id);
        ct.ThrowIfCancellationRequested();
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                Reserve,
                [CallerKey(caller), totalKey],
                [time.GetUtcNow().ToUnixTimeMilliseconds(), id, heldUntil.ToUnixTimeMilliseconds(), quota.PerCaller, quota.Total])
            .WaitAsync(ct).ConfigureAwait(false))!;
        Interlocked.Exchange(ref lastKnownTotal, (long)result[1]);
        var oldest = DateTimeOffset.FromUnixTimeMilliseconds(
            (long)double.Parse((string)result[2]!, NumberStyles.Float, CultureInfo.InvariantCulture));
        return (long)result[0] switch
        {
            0 => StoreReservation.Granted,
            1 => StoreReservation.Refused(QuotaScope.Caller, quota.PerCaller, oldest),
            _ => StoreReservation.Refused(QuotaScope.Total, quota.Total, oldest),
        };
    }

    public async Task SaveAsync(string caller, StoredRecommendation recommendation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(recommendation);
        ct.ThrowIfCancellationRequested();
        var ttl = recommendation.ExpiresAt - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return; // Already expired: Redis rejects a non-positive expiry, and nobody may read it anyway.
        }

        var total = await redis.GetDatabase().ScriptEvaluateAsync(
                Save,
                [KeyOf(recommendation.Id), CallerKey(caller), totalKey],
                [RecommendationJson.Serialize(recommendation), (long)Math.Ceiling(ttl.TotalMilliseconds),
                    recommendation.ExpiresAt.ToUnixTimeMilliseconds(), recommendation.Id])
            .WaitAsync(ct).ConfigureAwait(false);
        Interlocked.Exchange(ref lastKnownTotal, (long)total);
    }

    public async Task<bool> UpdateAsync(string caller, StoredRecommendation recommendation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(recommendation);
        ct.ThrowIfCancellationRequested();
        if (recommendation.ExpiresAt <= time.GetUtcNow())
        {
            return false; // Expired by the record's own instant, which Redis' millisecond TTL may not have reached yet.
        }

        var written = await redis.GetDatabase().ScriptEvaluateAsync(
                Update, [KeyOf(recommendation.Id), CallerKey(caller)], [RecommendationJson.Serialize(recommendation), recommendation.Id])
            .WaitAsync(ct).ConfigureAwait(false);
        return (long)written == 1;
    }

    public async Task ReleaseAsync(string caller, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(id);
        ct.ThrowIfCancellationRequested();
        var total = await redis.GetDatabase().ScriptEvaluateAsync(Release, [CallerKey(caller), totalKey], [id])
            .WaitAsync(ct).ConfigureAwait(false);
        Interlocked.Exchange(ref lastKnownTotal, (long)total);
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

    /// <summary>The caller key as given: opaque to the store, and Redis keys are binary-safe (':' in IPv6 included).</summary>
    private RedisKey CallerKey(string caller) => $"{keyPrefix}quota:caller:{caller}";
}
