using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.Catalog;

/// <summary>Last gate before a scraped region leaves the provider: a catalog that fails here is never returned.</summary>
public static class RegionCatalogValidator
{
    public static void Validate(RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var where = catalog.Region.Id;
        Require(catalog.Region.Zones.Count > 0, where, "the region has no zones");
        Require(catalog.InstanceTypes.Count > 0, where, "the region offers no instance types");
        Require(!string.IsNullOrEmpty(catalog.Currency), where, "no currency");
        var zones = catalog.Region.Zones.Select(z => z.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var offering in catalog.InstanceTypes)
        {
            var type = offering.Type;
            Require(type.Vcpu > 0 && type.MemoryGiB > 0, where, $"{type.Name} has no vCPUs or memory");
            Require(offering.OnDemandPrice > 0, where, $"{type.Name} has on-demand price {offering.OnDemandPrice}");
            foreach (var spot in offering.SpotPrices)
            {
                Require(spot.Price > 0, where, $"{type.Name} has spot price {spot.Price} in {spot.Zone}");
                Require(zones.Contains(spot.Zone), where, $"{type.Name} has a spot price in unknown zone {spot.Zone}");
            }

            foreach (var stock in offering.Availability)
            {
                Require(zones.Contains(stock.Zone), where, $"{type.Name} has stock in unknown zone {stock.Zone}");
            }
        }
    }

    private static void Require(bool condition, string region, string problem)
    {
        if (!condition)
        {
            throw new CloudApiException(AlibabaErrorCodes.ClientInconsistentData, $"Refusing the catalog of {region}: {problem}.", isTransient: true);
        }
    }
}
