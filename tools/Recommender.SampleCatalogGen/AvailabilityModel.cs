using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>
/// Simulated stock per zone. Scarce hardware (GPU, local disks, the largest sizes, previous generations) is missing
/// from more zones; a few zones are sold out. Every offered type keeps at least one zone, because a region that lists
/// a type no zone sells would be a contradiction.
/// </summary>
public static class AvailabilityModel
{
    private const double CommonAbsentChance = 0.10;
    private const double ScarceAbsentChance = 0.35;
    private const double GpuAbsentChance = 0.45;
    private const double CommonSoldOutChance = 0.06;
    private const double GpuSoldOutChance = 0.15;

    /// <summary>From this size on, a type counts as scarce.</summary>
    private const int LargeVcpu = 96;

    public static IReadOnlyList<ZoneAvailability> For(FamilySpec family, TypeSpec type, RegionSpec region)
    {
        var absentChance = AbsentChance(family, type);
        var zones = region.Zones
            .Where(z => AbsentDraw(type, z) >= absentChance)
            .ToList();
        if (zones.Count == 0)
        {
            zones.Add(region.Zones.MaxBy(z => AbsentDraw(type, z))!);
        }

        var soldOutChance = type.GpuCount > 0 ? GpuSoldOutChance : CommonSoldOutChance;
        return zones
            .Select(z => new ZoneAvailability(
                z.Id,
                StableHash.Unit("sold-out", type.Name, z.Id) < soldOutChance ? StockStatus.SoldOut : StockStatus.WithStock))
            .ToList();
    }

    private static double AbsentDraw(TypeSpec type, Zone zone) => StableHash.Unit("absent", type.Name, zone.Id);

    private static double AbsentChance(FamilySpec family, TypeSpec type)
    {
        if (type.GpuCount > 0)
        {
            return GpuAbsentChance;
        }

        var scarce = !family.IsCurrentGeneration || type.LocalStorage is not null || type.Vcpu >= LargeVcpu;
        return scarce ? ScarceAbsentChance : CommonAbsentChance;
    }
}
