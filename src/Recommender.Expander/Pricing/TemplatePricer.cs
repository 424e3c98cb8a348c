using Recommender.Core.Catalog;
using Recommender.Expander.Kubernetes;

namespace Recommender.Expander.Pricing;

/// <summary>
/// Prices a template node from a catalog snapshot. The region is the template's region label, else the region that has
/// its zone, else the configured default, else the provider's only region. The price is zone-aware: on-demand is the
/// region's price; spot is the zone's spot price, or with no zone the cheapest spot price among zones with stock; a type
/// not sold as spot where it would run is priced on-demand (Alibaba's SpotAsPriceGo never pays more).
/// </summary>
public sealed class TemplatePricer(string provider, string? defaultRegion)
{
    /// <summary>The price, or null with the reason it cannot be priced.</summary>
    public TemplatePrice? Price(CatalogSnapshot snapshot, TemplateNode node, out string reason)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(node);
        var typeName = TemplateLabels.InstanceTypeOf(node);
        if (typeName is null)
        {
            reason = $"the template has no {TemplateLabels.InstanceType} label";
            return null;
        }

        var zoneLabel = TemplateLabels.ZoneOf(node);
        var region = FindRegion(snapshot, TemplateLabels.RegionOf(node), zoneLabel);
        if (region is null)
        {
            reason = $"no {provider} region in the catalog for the template (region '{TemplateLabels.RegionOf(node)}', zone '{zoneLabel}')";
            return null;
        }

        var offering = region.Find(typeName);
        if (offering is null)
        {
            reason = $"instance type {typeName} is not in the catalog of {region.Key}";
            return null;
        }

        var zone = zoneLabel is not null && region.HasZone(zoneLabel) ? zoneLabel : null;
        var capacity = TemplateLabels.CapacityTypeOf(node);
        var price = capacity == CapacityType.Spot ? SpotPrice(offering, zone) : offering.OnDemandPrice;
        reason = "";
        return new TemplatePrice(region, offering, zone, capacity, price, InStock(offering, zone));
    }

    private RegionCatalog? FindRegion(CatalogSnapshot snapshot, string? regionLabel, string? zoneLabel)
    {
        if (regionLabel is not null)
        {
            return snapshot.Find(new RegionKey(provider, regionLabel));
        }

        var ofProvider = snapshot.Regions.Where(r => string.Equals(r.Provider, provider, StringComparison.Ordinal)).ToList();
        if (zoneLabel is not null && ofProvider.FirstOrDefault(r => r.HasZone(zoneLabel)) is { } byZone)
        {
            return byZone;
        }

        if (defaultRegion is not null)
        {
            return snapshot.Find(new RegionKey(provider, defaultRegion));
        }

        return ofProvider.Count == 1 ? ofProvider[0] : null;
    }

    private static decimal SpotPrice(InstanceOffering offering, string? zone)
    {
        if (zone is not null)
        {
            return Math.Min(offering.SpotPriceIn(zone) ?? offering.OnDemandPrice, offering.OnDemandPrice);
        }

        var stocked = offering.SpotPrices.Where(p => offering.Availability.Count == 0 || offering.HasStockIn(p.Zone)).ToList();
        return stocked.Count > 0 ? Math.Min(stocked.Min(p => p.Price), offering.OnDemandPrice) : offering.OnDemandPrice;
    }

    private static bool InStock(InstanceOffering offering, string? zone)
    {
        if (offering.Availability.Count == 0)
        {
            return true;
        }

        return zone is null
            ? offering.Availability.Any(a => a.Status == StockStatus.WithStock)
            : offering.HasStockIn(zone);
    }
}
