using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>How recommendations are served and kept, bound from configuration section <c>Recommendations</c>.</summary>
public sealed class RecommendationOptions
{
    public const string Section = "Recommendations";

    /// <summary>Default <see cref="MaxStored"/> of the in-memory store: about 10 MB of answers in the process.</summary>
    public const int DefaultMaxStoredInMemory = 10_000;

    /// <summary>
    /// Default <see cref="MaxStored"/> in Redis, shared by every replica: about 1 KB per answer plus its two quota
    /// entries, i.e. some 120 MB at the bound.
    /// </summary>
    public const int DefaultMaxStoredInRedis = 100_000;

    /// <summary>How long <c>recommendation(id)</c> finds an answer after it was computed.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Solves running at once; each is CPU-bound for up to Solver:TimeLimit. Default: the processor count.</summary>
    public int MaxConcurrentSolves { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a request waits for a solver slot before it is answered with SOLVER_BUSY.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most recommendations one caller keeps at once (each for <see cref="Retention"/>); a new one beyond it is refused
    /// with RECOMMENDATION_QUOTA_EXCEEDED before its solve, so no caller can push out another's.
    /// </summary>
    public int MaxStoredPerCaller { get; set; } = 1_000;

    /// <summary>
    /// Most recommendations kept for all callers together; unset = <see cref="DefaultMaxStoredInMemory"/> in memory,
    /// <see cref="DefaultMaxStoredInRedis"/> in Redis. Full: new ones are refused, nothing live is evicted.
    /// </summary>
    public int? MaxStored { get; set; }

    /// <summary>Longest wait for one Redis call of the recommendation store; past it the call counts as failed.</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Consecutive failed Redis calls that open the store's circuit breaker.</summary>
    public int StoreBreakerFailures { get; set; } = 3;

    /// <summary>How long the open breaker answers without Redis before one call probes it again.</summary>
    public TimeSpan StoreBreakerDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The total bound of the in-memory or the Redis store (<see cref="MaxStored"/> or its default).</summary>
    public int TotalFor(bool redis) => MaxStored ?? (redis ? DefaultMaxStoredInRedis : DefaultMaxStoredInMemory);

    /// <summary>The bounds of the in-memory or the Redis store.</summary>
    public RecommendationQuota QuotaFor(bool redis) => new(MaxStoredPerCaller, TotalFor(redis));

    /// <summary>
    /// The bounds of the buffer a replica keeps during a Redis outage: per caller as in Redis, in total no more than
    /// the in-memory store would hold, whatever Redis may hold.
    /// </summary>
    public RecommendationQuota PendingQuota() =>
        new(MaxStoredPerCaller, Math.Min(TotalFor(redis: true), DefaultMaxStoredInMemory));
}
