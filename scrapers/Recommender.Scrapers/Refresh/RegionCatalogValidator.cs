using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;

namespace Recommender.Scrapers.Refresh;

/// <summary>
/// Checks a freshly built region catalog before it may replace the last good one. A provider bug or a half-read API
/// answer must never reach readers: any violation throws <see cref="CatalogFormatException"/> (INVALID_CATALOG).
/// </summary>
public static class RegionCatalogValidator
{
    public static void Validate(RegionCatalog catalog, string provider, Region region, RefreshKind kind, RegionCatalog? previous)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(region);
        var at = $"{provider}/{region.Id}";
        Require(string.Equals(catalog.Provider, provider, StringComparison.Ordinal), at, $"provider is '{catalog.Provider}'");
        Require(string.Equals(catalog.Region.Id, region.Id, StringComparison.Ordinal), at, $"region is '{catalog.Region.Id}'");
        RegionCatalogRules.Validate(catalog, at);

        // Partial kinds re-read prices or stock on top of the previous hardware list: the type set must not change.
        if (kind != RefreshKind.Full && previous is not null)
        {
            foreach (var offering in catalog.InstanceTypes)
            {
                Require(previous.Find(offering.Name) is not null, at, $"{kind} refresh priced unknown type '{offering.Name}'");
            }

            foreach (var offering in previous.InstanceTypes)
            {
                Require(catalog.Find(offering.Name) is not null, at, $"{kind} refresh dropped type '{offering.Name}'");
            }
        }
    }

    private static void Require(bool condition, string at, string message)
    {
        if (!condition)
        {
            throw new CatalogFormatException(at, message);
        }
    }
}
