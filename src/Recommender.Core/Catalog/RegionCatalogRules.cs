using Recommender.Core.Errors;

namespace Recommender.Core.Catalog;

/// <summary>
/// What every region catalog must satisfy before anyone may read it: zones and types present, positive sizes and
/// prices, and prices and stock only in the region's own zones. Scrapers and providers both apply these rules.
/// </summary>
public static class RegionCatalogRules
{
    /// <summary>Throws <see cref="CatalogFormatException"/> (INVALID_CATALOG) naming the first violation.</summary>
    /// <param name="at">Where the catalog came from, used as the start of the error's path (e.g. <c>alibaba/cn-hangzhou</c>).</param>
    public static void Validate(RegionCatalog catalog, string at)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Require(!string.IsNullOrWhiteSpace(catalog.Currency), at, "no currency");
        Require(catalog.Region.Zones.Count > 0, at, "no zones");
        Require(catalog.InstanceTypes.Count > 0, at, "no instance types");

        var zones = catalog.Region.Zones.Select(z => z.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < catalog.InstanceTypes.Count; i++)
        {
            ValidateOffering(catalog.InstanceTypes[i], zones, $"{at}.instanceTypes[{i}]");
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
