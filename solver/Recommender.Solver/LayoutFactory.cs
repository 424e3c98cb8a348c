using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver;

/// <summary>Turns chosen pools into a <see cref="Layout"/> with prices and totals.</summary>
public static class LayoutFactory
{
    /// <summary>Pools of the same type and capacity type are merged; empty pools are dropped.</summary>
    public static Layout Create(IEnumerable<PoolChoice> choices, LayoutRequest request)
    {
        var merged = choices.Where(c => c.NodeCount > 0)
            .GroupBy(c => (c.Offering.Name, c.CapacityType))
            .Select(g => g.First() with { NodeCount = g.Sum(c => c.NodeCount) })
            .ToList();
        var pools = merged
            .Select(c => new LayoutPool(c.Offering.Name, c.CapacityType, c.NodeCount, c.UnitPrice, c.NodeCount * c.UnitPrice))
            .OrderBy(p => p.CapacityType)
            .ThenByDescending(p => p.HourlyPrice)
            .ThenBy(p => p.InstanceType, StringComparer.Ordinal)
            .ToList();
        var hourly = pools.Sum(p => p.HourlyPrice);
        long allocCpu = 0, sustainedCpu = 0, allocMemory = 0, rawCpu = 0, rawMemory = 0;
        double rawSustained = 0;
        var gpus = 0;
        foreach (var c in merged)
        {
            var type = c.Offering.Type;
            allocCpu += c.NodeCount * NodeReservation.AllocatableMillicores(type);
            sustainedCpu += c.NodeCount * NodeReservation.SustainedMillicores(type);
            allocMemory += c.NodeCount * NodeReservation.AllocatableMemoryMiB(type);
            rawCpu += c.NodeCount * NodeReservation.CapacityMillicores(type);
            rawSustained += c.NodeCount * type.SustainedVcpu;
            rawMemory += c.NodeCount * NodeReservation.CapacityMemoryMiB(type);
            gpus += c.NodeCount * type.GpuCount;
        }

        var allocatable = Totals(allocCpu, allocMemory, gpus, sustainedCpu / 1000.0);
        return new Layout(
            pools,
            hourly,
            hourly * Layout.HoursPerMonth,
            pools.Sum(p => p.NodeCount),
            allocatable,
            Totals(rawCpu, rawMemory, gpus, Math.Round(rawSustained, 3)),
            new ResourceTotals(
                Math.Round(allocatable.Vcpu - request.Cpu, 3),
                Math.Round(allocatable.MemoryGiB - request.MemoryGiB, 3),
                gpus - request.Gpus,
                Math.Round(allocatable.SustainedVcpu - request.Cpu, 3)));
    }

    private static ResourceTotals Totals(long millicores, long mib, int gpus, double sustainedVcpu) =>
        new(millicores / 1000.0, Math.Round(mib / 1024.0, 3), gpus, sustainedVcpu);
}
