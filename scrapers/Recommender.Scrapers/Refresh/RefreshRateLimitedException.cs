using System.Globalization;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Scrapers.Refresh;

/// <summary>
/// An on-demand refresh of <see cref="Region"/> was asked for within <c>Scrapers:OnDemandRefreshInterval</c> of the last
/// one, and no refresh of the region was running to join. Nothing was sent to the provider.
/// </summary>
public sealed class RefreshRateLimitedException(RegionKey region, TimeSpan interval, DateTimeOffset nextAllowedAt, TimeSpan retryAfter)
    : RecommenderException(string.Create(
        CultureInfo.InvariantCulture,
        $"An on-demand refresh of {region} started less than {interval} ago and none is running to join; the next one is allowed at "
        + $"{nextAllowedAt:O} (in {Seconds(retryAfter)} s)."))
{
    public RegionKey Region { get; } = region;

    public DateTimeOffset NextAllowedAt { get; } = nextAllowedAt;

    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whole seconds, rounded up: a caller that waits this long is not refused again for the same reason.</summary>
    public int RetryAfterSeconds => Seconds(RetryAfter);

    public override string Code => ScraperErrorCodes.RefreshRateLimited;

    public override bool IsTransient => true;

    /// <summary>Machine-readable, so a client can schedule its retry instead of parsing the message.</summary>
    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?>
    {
        ["retryAfterSeconds"] = RetryAfterSeconds,
        ["nextRefreshAllowedAt"] = NextAllowedAt,
    };

    private static int Seconds(TimeSpan wait) => (int)Math.Ceiling(Math.Max(0, wait.TotalSeconds));
}
