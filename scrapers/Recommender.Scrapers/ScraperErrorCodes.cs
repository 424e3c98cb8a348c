namespace Recommender.Scrapers;

/// <summary>Error codes the scrapers add to <see cref="Core.Errors.ErrorCodes"/>; part of the public status API.</summary>
public static class ScraperErrorCodes
{
    /// <summary>The refresh exceeded <c>Scrapers:RefreshTimeout</c>.</summary>
    public const string RefreshTimeout = "REFRESH_TIMEOUT";

    /// <summary>The host shut down while the refresh ran.</summary>
    public const string RefreshCancelled = "REFRESH_CANCELLED";

    /// <summary>A refresh was requested while the scrapers are disabled.</summary>
    public const string ScrapersDisabled = "SCRAPERS_DISABLED";

    /// <summary>
    /// An on-demand refresh of the region started less than <c>Scrapers:OnDemandRefreshInterval</c> ago and none is running
    /// to join; <c>extensions</c> say when the next one is allowed.
    /// </summary>
    public const string RefreshRateLimited = "REFRESH_RATE_LIMITED";
}
