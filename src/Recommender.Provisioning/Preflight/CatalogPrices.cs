using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Provisioning.Preflight;

/// <summary>
/// The price per node-hour of a pool from the catalog, priced the way recommendations are: on-demand, or for spot the
/// highest spot price among the zones (the pool may land in any of them).
/// </summary>
internal static class CatalogPrices
{
    /// <summary>The unit price, or null when the type is not in the region or (spot) not sold as spot in any of the zones.</summary>
    public static decimal? UnitPrice(RegionCatalog region, string instanceType, CapacityType capacity, IReadOnlyList<string> zones)
    {
        if (region.Find(instanceType) is not { } offering)
        {
            return null;
        }

        if (capacity == CapacityType.OnDemand)
        {
            return offering.OnDemandPrice;
        }

        var candidates = zones.Count > 0 ? zones : [.. offering.SpotPrices.Select(p => p.Zone)];
        decimal? highest = null;
        foreach (var zone in candidates)
        {
            if (offering.SpotPriceIn(zone) is { } price && (highest is null || price > highest))
            {
                highest = price;
            }
        }

        return highest;
    }

    public static RegionCatalog? Region(ICatalog catalog, string region) => catalog.Current.Find(new RegionKey(KnownProviders.Alibaba.Id, region));
}
