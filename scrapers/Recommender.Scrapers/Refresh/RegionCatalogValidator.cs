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
        Require(!string.IsNullOrWhiteSpace(catalog.Currency), at, "no currency");
        Require(catalog.Region.Zones.Count > 0, at, "no zones");
        Require(catalog.InstanceTypes.Count > 0, at, "no instance types");

        var zones = catalog.Region.Zones.Select(z => z.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < catalog.InstanceTypes.Count; i++)
        {
            ValidateOffering(catalog.InstanceTypes[i], zones, $"{at}.instanceTypes[{i}]");
        }

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

    private static void ValidateOffering(InstanceOffering offering, HashSet<string> zones, string at)
    {
        Require(offering.Type is not null && !string.IsNullOrWhiteSpace(offering.Type.Name), at, "instance type without a name");
        at = $"{at}({offering.Name})";
        Require(offering.Type!.Vcpu > 0 && offering.Type.MemoryGiB > 0, at, "vCPU and memory must be positive");
        Require(offering.OnDemandPrice > 0, at, $"on-demand price {offering.OnDemandPrice} is not positive");
        foreach (var spot in offering.SpotPrices)
        {
            Require(spot.Price > 0, at, $"spot price {spot.Price} in {spot.Zone} is not positive");
            Require(zones.Contains(spot.Zone), at, $"spot price for zone '{spot.Zone}' outside the region");
        }

        foreach (var availability in offering.Availability)
        {
            Require(zones.Contains(availability.Zone), at, $"stock for zone '{availability.Zone}' outside the region");
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
