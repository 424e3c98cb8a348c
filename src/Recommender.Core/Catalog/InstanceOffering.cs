using System.Text.Json.Serialization;

namespace Recommender.Core.Catalog;

/// <summary>
/// An instance type as sold in one region: hardware, hourly prices and per-zone stock.
/// A zone absent from <see cref="Availability"/> does not offer the type at all.
/// </summary>
/// <param name="OnDemandPrice">Pay-as-you-go hourly price (Linux, compute only), in the region's currency.</param>
/// <param name="SpotPrices">Latest spot price per zone; empty when the type cannot run as spot here.</param>
public sealed record InstanceOffering(
    InstanceType Type,
    decimal OnDemandPrice,
    IReadOnlyList<ZonePrice> SpotPrices,
    IReadOnlyList<ZoneAvailability> Availability)
{
    [JsonIgnore]
    public string Name => Type.Name;

    public bool HasStockIn(string zone)
    {
        foreach (var a in Availability)
        {
            if (a.Status == StockStatus.WithStock && string.Equals(a.Zone, zone, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The spot price in <paramref name="zone"/>, or null when the type is not sold as spot there.</summary>
    public decimal? SpotPriceIn(string zone)
    {
        foreach (var p in SpotPrices)
        {
            if (string.Equals(p.Zone, zone, StringComparison.Ordinal))
            {
                return p.Price;
            }
        }

        return null;
    }
}
