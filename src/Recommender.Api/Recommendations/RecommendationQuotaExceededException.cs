using System.Globalization;
using GraphQL;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>
/// A new recommendation was refused before its solve because the caller (or the service as a whole) already keeps as many
/// as it may. Says the bound, how long recommendations are kept, and when the oldest one under the bound expires.
/// </summary>
public sealed class RecommendationQuotaExceededException : RecommenderException
{
    public RecommendationQuotaExceededException(
        QuotaScope scope, int limit, TimeSpan retention, DateTimeOffset oldestExpiresAt, DateTimeOffset now)
        : base(Describe(scope, limit, retention, oldestExpiresAt, SecondsUntil(oldestExpiresAt, now)))
    {
        Scope = scope;
        Limit = limit;
        Retention = retention;
        OldestExpiresAt = oldestExpiresAt;
        RetryAfterSeconds = SecondsUntil(oldestExpiresAt, now);
    }

    public QuotaScope Scope { get; }

    public int Limit { get; }

    public TimeSpan Retention { get; }

    public DateTimeOffset OldestExpiresAt { get; }

    /// <summary>Whole seconds until a place frees up (rounded up, so retrying then finds one).</summary>
    public long RetryAfterSeconds { get; }

    public override string Code => ErrorCodes.RecommendationQuotaExceeded;

    public override bool IsTransient => true;

    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?>
    {
        ["scope"] = Scope.ToString().ToConstantCase(),
        ["limit"] = Limit,
        ["retentionSeconds"] = (long)Retention.TotalSeconds,
        ["retryAfterSeconds"] = RetryAfterSeconds,
        ["oldestExpiresAt"] = OldestExpiresAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
    };

    private static long SecondsUntil(DateTimeOffset at, DateTimeOffset now) => Math.Max(0, (long)Math.Ceiling((at - now).TotalSeconds));

    private static string Describe(QuotaScope scope, int limit, TimeSpan retention, DateTimeOffset oldest, long retryAfter)
    {
        var kept = $"each is kept {Duration(retention)} for recommendation(id)";
        var at = oldest.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return scope == QuotaScope.Caller
            ? string.Create(CultureInfo.InvariantCulture,
                $"You already keep {limit} recommendations, the most one caller may ({kept}). "
                + $"Your oldest expires at {at} (in {retryAfter} s); retry then.")
            : string.Create(CultureInfo.InvariantCulture,
                $"The service already keeps {limit} recommendations, the most it stores for all callers together ({kept}). "
                + $"The oldest expires at {at} (in {retryAfter} s); retry then.");
    }

    /// <summary>The retention as an operator would write it: 24 h, 10 min, 90 s.</summary>
    private static string Duration(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours} h")
        : span.Ticks % TimeSpan.TicksPerMinute == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}
