using Recommender.Core.Errors;

namespace Recommender.Scrapers.Refresh;

/// <summary>A region refresh ran longer than <c>Scrapers:RefreshTimeout</c>; the next run may well succeed.</summary>
public sealed class RefreshTimeoutException(string region, TimeSpan timeout)
    : RecommenderException($"Refresh of {region} did not finish within {timeout}.")
{
    public override string Code => ScraperErrorCodes.RefreshTimeout;

    public override bool IsTransient => true;
}
