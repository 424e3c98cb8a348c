namespace Recommender.SampleCatalogGen;

/// <summary>
/// The indicative price model. On-demand (USD per hour) = (vCPU x PerVcpu + GiB x PerGiB + GPUs x PerGpu
/// + local TiB x PerLocalTiB) x region factor, rounded to 4 decimals. Spot = on-demand x a fraction between 10% and
/// 45% that is fixed per (type, zone), so zones of one region quote different spot prices for the same type.
/// </summary>
public static class PriceModel
{
    /// <summary>Smallest price the model emits: a price always means "you pay something".</summary>
    public const decimal MinimumPrice = 0.0001m;

    public const double MinSpotFraction = 0.10;
    public const double MaxSpotFraction = 0.45;

    /// <summary>GPU and local-disk capacity is scarce on the spot market: such types skip spot in about a third of zones.</summary>
    private const double ScarceNoSpotChance = 0.35;
    private const double CommonNoSpotChance = 0.03;

    public static decimal OnDemand(FamilySpec family, TypeSpec type, RegionSpec region)
    {
        var rates = family.Rates;
        var localTiB = type.LocalStorage is { } disks ? disks.Disks * disks.DiskSizeGiB / 1024m : 0m;
        var hourly = (rates.PerVcpu * type.Vcpu)
                     + (rates.PerGiB * (decimal)type.MemoryGiB)
                     + (rates.PerGpu * type.GpuCount)
                     + (rates.PerLocalTiB * localTiB);
        return Round(hourly * region.PriceFactor);
    }

    /// <summary>The spot price of <paramref name="type"/> in <paramref name="zoneId"/>, or null when not sold as spot there.</summary>
    public static decimal? Spot(FamilySpec family, TypeSpec type, string zoneId, decimal onDemand)
    {
        var scarce = type.GpuCount > 0 || type.LocalStorage is not null;
        var noSpotChance = scarce ? ScarceNoSpotChance : CommonNoSpotChance;
        if (StableHash.Unit("no-spot", family.Family, type.Name, zoneId) < noSpotChance)
        {
            return null;
        }

        var fraction = MinSpotFraction + ((MaxSpotFraction - MinSpotFraction) * StableHash.Unit("spot", type.Name, zoneId));
        return Round(onDemand * (decimal)fraction);
    }

    private static decimal Round(decimal price) =>
        Math.Max(MinimumPrice, Math.Round(price, 4, MidpointRounding.AwayFromZero));
}
