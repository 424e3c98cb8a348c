using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;
using Recommender.Provisioning.Inputs;

namespace Recommender.Provisioning.Preflight;

/// <summary>
/// What can be checked before any cloud call, from our own catalog: every instance type still sold with stock in the
/// zones its pool may use, and every quoted price still within <see cref="ProvisioningOptions.PriceDriftMargin"/>.
/// Knows nothing of the solver: it reads a layout as data.
/// </summary>
public sealed class LayoutPreflight(ICatalog catalog, IOptions<ProvisioningOptions> options)
{
    /// <summary>
    /// Checks <paramref name="layout"/> for a cluster in <paramref name="region"/> whose pools may use
    /// <paramref name="clusterZones"/> unless they name their own zones. Throws
    /// <see cref="ValidationException"/> (argument <c>cluster.region</c> or <c>…zones</c>) when the catalog does not know
    /// the region or a zone, <see cref="InstanceTypeUnavailableException"/> when a type is unknown there, sold out in a zone
    /// or (spot) not sold as spot there, <see cref="PriceDriftedException"/> when a pool's quoted unit price moved by the
    /// margin or more. Pools without a quoted price are checked for stock only.
    /// </summary>
    public void Check(string region, IReadOnlyList<string> clusterZones, LayoutSpec layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var catalogRegion = CatalogPrices.Region(catalog, region)
            ?? throw new ValidationException("cluster.region", $"{region} is not in the catalog; refresh it or choose another region.");
        foreach (var zone in clusterZones ?? [])
        {
            if (!catalogRegion.HasZone(zone))
            {
                throw new ValidationException("cluster.zones", $"{zone} is not a zone of {region}.");
            }
        }

        foreach (var pool in layout.Pools)
        {
            var zones = pool.Zones is { Count: > 0 } own ? own : clusterZones ?? [];
            foreach (var type in pool.InstanceTypes)
            {
                CheckStock(catalogRegion, pool, type, zones);
            }

            CheckPrice(catalogRegion, pool, zones);
        }
    }

    private static void CheckStock(RegionCatalog region, NodePoolSpec pool, string type, IReadOnlyList<string> zones)
    {
        var offering = region.Find(type) ?? throw new InstanceTypeUnavailableException(type, region.Region.Id, null, "the catalog does not list it.");
        if (zones.Count == 0)
        {
            if (!offering.Availability.Any(a => a.Status == StockStatus.WithStock))
            {
                throw new InstanceTypeUnavailableException(type, region.Region.Id, null, "sold out in every zone.");
            }

            return;
        }

        foreach (var zone in zones)
        {
            if (!offering.HasStockIn(zone))
            {
                throw new InstanceTypeUnavailableException(type, region.Region.Id, zone, "sold out or not offered there.");
            }

            if (pool.CapacityType == CapacityType.Spot && offering.SpotPriceIn(zone) is null)
            {
                throw new InstanceTypeUnavailableException(type, region.Region.Id, zone, "not sold as spot there.");
            }
        }
    }

    private void CheckPrice(RegionCatalog region, NodePoolSpec pool, IReadOnlyList<string> zones)
    {
        if (pool.QuotedUnitPrice is not { } quoted)
        {
            return;
        }

        var type = pool.InstanceTypes[0];
        var current = CatalogPrices.UnitPrice(region, type, pool.CapacityType, zones)
            ?? throw new InstanceTypeUnavailableException(type, region.Region.Id, null, "no current price.");
        var margin = options.Value.PriceDriftMargin;
        var drift = quoted == 0 ? (current == 0 ? 0 : 1) : Math.Abs(current - quoted) / quoted;
        if (drift >= margin)
        {
            throw new PriceDriftedException(pool.Name, type, quoted, current, margin);
        }
    }
}
