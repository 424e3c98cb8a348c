using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver;

/// <summary>
/// Verifies every rule of a request against a layout, from the catalog alone. Written independently of the
/// candidate filter and the model (its own predicates and arithmetic) so tests and benchmarks can trust it as an
/// oracle for both recommenders. Every vCPU rule (cpu, onDemandPct, spotDiversity, largestPod) counts what a node
/// sustains: allocatable millicores, at the baseline share for burstable types, rounded down.
/// </summary>
public static class LayoutChecker
{
    public static IReadOnlyList<LayoutViolation> Check(LayoutRequest request, RegionCatalog catalog, IReadOnlyList<LayoutPool> pools)
    {
        var violations = new List<LayoutViolation>();
        void Fail(string rule, string message) => violations.Add(new LayoutViolation(rule, message));
        var zones = request.Zones is { Count: > 0 } z ? z : catalog.Region.Zones.Select(x => x.Id).ToList();
        long cpu = 0, memory = 0, odCpu = 0, odMemory = 0, spotCpu = 0;
        int gpus = 0, nodes = 0;
        var sizes = new HashSet<(int, double)>();
        var spotCpuByType = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pool in pools)
        {
            var offering = catalog.Find(pool.InstanceType);
            if (offering is null)
            {
                Fail("instanceType", $"{pool.InstanceType} is not in the catalog.");
                continue;
            }

            if (pool.NodeCount <= 0)
            {
                Fail("instanceType", $"{pool.InstanceType} has {pool.NodeCount} nodes.");
            }

            CheckType(request, offering, pool.CapacityType, zones, Fail);
            var type = offering.Type;
            var nodeCpu = Sustained(type);
            var nodeMemory = NodeReservation.AllocatableMemoryMiB(type);
            cpu += pool.NodeCount * nodeCpu;
            memory += pool.NodeCount * nodeMemory;
            gpus += pool.NodeCount * type.GpuCount;
            nodes += pool.NodeCount;
            sizes.Add((type.Vcpu, type.MemoryGiB));
            if (pool.CapacityType == CapacityType.OnDemand)
            {
                odCpu += pool.NodeCount * nodeCpu;
                odMemory += pool.NodeCount * nodeMemory;
            }
            else
            {
                spotCpu += pool.NodeCount * nodeCpu;
                spotCpuByType[pool.InstanceType] = spotCpuByType.GetValueOrDefault(pool.InstanceType) + (pool.NodeCount * nodeCpu);
            }

            var unit = pool.CapacityType == CapacityType.OnDemand ? offering.OnDemandPrice : zones.Max(zone => offering.SpotPriceIn(zone) ?? 0);
            if (pool.UnitPrice != unit || pool.HourlyPrice != pool.NodeCount * unit)
            {
                Fail("price", $"{pool.InstanceType} {pool.CapacityType} is priced {pool.UnitPrice}/node, catalog says {unit}.");
            }
        }

        // Request units, rounded up to the unit the capacities are counted in.
        var wantCpu = (long)Math.Ceiling(Math.Round(request.Cpu * 1000, 6));
        var wantMemory = (long)Math.Ceiling(Math.Round(request.MemoryGiB * 1024, 6));
        Require(cpu >= wantCpu, "cpu", $"{cpu / 1000.0} sustained allocatable vCPU < {request.Cpu}.");
        Require(memory >= wantMemory, "memoryGiB", $"{memory / 1024.0:0.###} allocatable GiB < {request.MemoryGiB}.");
        Require(gpus >= request.Gpus, "gpus", $"{gpus} GPUs < {request.Gpus}.");
        Require(nodes >= request.MinNodes, "minNodes", $"{nodes} nodes < {request.MinNodes}.");
        Require(nodes <= request.MaxNodes, "maxNodes", $"{nodes} nodes > {request.MaxNodes}.");
        Require(odCpu * 100 >= wantCpu * request.OnDemandPct, "onDemandPct", $"on-demand vCPU {odCpu / 1000.0} is below {request.OnDemandPct}% of {request.Cpu}.");
        Require(odMemory * 100 >= wantMemory * request.OnDemandPct, "onDemandPct", $"on-demand memory is below {request.OnDemandPct}% of {request.MemoryGiB} GiB.");
        Require(request.MaxPools is not { } max || pools.Count <= max, "maxPools", $"{pools.Count} pools > {request.MaxPools}.");
        Require(!request.SameSize || sizes.Count <= 1, "sameSize", $"{sizes.Count} different node sizes.");
        if (spotCpu > 0 && request.SpotDiversity > 1)
        {
            Require(spotCpuByType.Count >= request.SpotDiversity, "spotDiversity", $"{spotCpuByType.Count} spot types < {request.SpotDiversity}.");
            Require(
                spotCpuByType.Values.All(v => v * request.SpotDiversity <= spotCpu),
                "spotDiversity",
                $"a spot type carries more than 1/{request.SpotDiversity} of the spot vCPU.");
        }

        return violations;

        void Require(bool ok, string rule, string message)
        {
            if (!ok)
            {
                Fail(rule, message);
            }
        }
    }

    /// <summary>Allocatable millicores, times baseline percent ÷ 100 for burstable types, in exact decimals, rounded down.</summary>
    private static long Sustained(InstanceType type)
    {
        decimal millicores = NodeReservation.AllocatableMillicores(type);
        if (type.BurstBaselinePercent is { } percent)
        {
            millicores = millicores * (decimal)Math.Min(Math.Max(percent, 0), 100) / 100;
        }

        return (long)Math.Floor(millicores);
    }

    private static void CheckType(LayoutRequest r, InstanceOffering o, CapacityType capacity, IReadOnlyList<string> zones, Action<string, string> fail)
    {
        var t = o.Type;
        bool Named(IReadOnlyList<string>? names) => names is not null && names.Any(n => n == t.Name || n == t.Family);
        if (r.Includes is { Count: > 0 } && !Named(r.Includes))
        {
            fail("includes", $"{t.Name} is not included.");
        }

        if (Named(r.Excludes))
        {
            fail("excludes", $"{t.Name} is excluded.");
        }

        if (r.Categories is { Count: > 0 } categories && !categories.Contains(t.Category))
        {
            fail("categories", $"{t.Name} is {t.Category}.");
        }

        if (r.Architectures is { Count: > 0 } architectures && !architectures.Contains(t.Architecture))
        {
            fail("architectures", $"{t.Name} is {t.Architecture}.");
        }

        if (r.NetworkPerf is { Count: > 0 } network && !network.Contains(t.NetworkPerformance))
        {
            fail("networkPerf", $"{t.Name} has {t.NetworkPerformance} network.");
        }

        if (!r.AllowBurst && t.BurstBaselinePercent is not null)
        {
            fail("allowBurst", $"{t.Name} is burstable.");
        }

        if (!r.AllowOlderGen && !t.IsCurrentGeneration)
        {
            fail("allowOlderGen", $"{t.Name} is an older generation.");
        }

        if (r.GpuModel is { } model && t.GpuCount > 0 && !string.Equals(t.GpuModel, model, StringComparison.OrdinalIgnoreCase))
        {
            fail("gpuModel", $"{t.Name} has {t.GpuModel} GPUs.");
        }

        if (r.LargestPod is { } pod
            && (Sustained(t) < Math.Ceiling(Math.Round(pod.Cpu * 1000, 6))
                || NodeReservation.AllocatableMemoryMiB(t) < Math.Ceiling(Math.Round(pod.MemoryGiB * 1024, 6))
                || t.GpuCount < pod.Gpus))
        {
            fail("largestPod", $"{t.Name} cannot hold the largest pod.");
        }

        foreach (var zone in zones)
        {
            if (!o.Availability.Any(a => a.Zone == zone && a.Status == StockStatus.WithStock))
            {
                fail("zones", $"{t.Name} has no stock in {zone}.");
            }

            if (capacity == CapacityType.Spot && o.SpotPrices.All(p => p.Zone != zone || p.Price <= 0))
            {
                fail("zones", $"{t.Name} has no spot price in {zone}.");
            }
        }
    }
}
