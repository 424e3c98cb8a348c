using Recommender.Core.Errors;

namespace Recommender.Scrapers;

/// <summary>A refresh was asked for while the scrapers are off (configuration, no provider or no credentials).</summary>
public sealed class ScrapersDisabledException(string reason) : RecommenderException(reason)
{
    public override string Code => ScraperErrorCodes.ScrapersDisabled;
}
