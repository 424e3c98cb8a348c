using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;
using Recommender.Solver;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// Turns a validated request into a <see cref="ScaleOutProblem"/>: spare capacity, pod classes, and the options
/// (growable pools, then new pools of every type the filters keep, on-demand and spot, over the request's zones and
/// over each zone a pod selects), with options another option dominates left out.
/// </summary>
public static class ScaleOutProblemBuilder
{
    public static ScaleOutProblem Build(ScaleOutRequest request, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        var pods = PodClasses(request, catalog);
        var demand = Demand(request, catalog, pods);
        var room = LayoutRequestLimits.MaxNodes - request.Pools.Sum(p => p.NodeCount);
        var options = new List<ScaleOutOption>();
        var requestZones = request.Zones is { Count: > 0 } z ? [.. z.Distinct(StringComparer.Ordinal)] : catalog.Region.Zones.Select(x => x.Id).ToList();
        for (var i = 0; i < request.Pools.Count; i++)
        {
            if (Growth(i, request.Pools[i], catalog, requestZones) is { } growth)
            {
                options.Add(growth);
            }
        }

        if (request.AllowNewPools && request.MaxNewPools is not 0)
        {
            var selected = pods.Select(p => p.Placement.InstanceType).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var fresh = NewPools(request, catalog, null);
            foreach (var zone in pods.Select(p => p.Placement.Zone).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                fresh.AddRange(NewPools(request, catalog, zone));
            }

            options.AddRange(Undominated(fresh, selected));
        }

        var rule = pods.Count == 0 ? PodRule.None : pods.Sum(p => p.Count) <= ScaleOutProblem.ExactPodLimit ? PodRule.Packed : PodRule.LargestPod;
        return new ScaleOutProblem(request, catalog, options, pods, demand, rule, Math.Max(0, room));
    }

    /// <summary>Allocatable vCPU (sustained), memory and GPUs of one node of <paramref name="type"/>.</summary>
    public static (long MilliCpu, long MemoryMiB, int Gpus) Allocatable(InstanceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return (NodeReservation.SustainedMillicores(type), NodeReservation.AllocatableMemoryMiB(type), type.GpuCount);
    }

    /// <summary>
    /// Hourly price of one node of an existing pool: on-demand, or the highest spot price among its zones (a zone
    /// without a spot price counts at the on-demand price: Alibaba's SpotAsPriceGo never pays more).
    /// </summary>
    public static decimal PoolUnitPrice(InstanceOffering offering, CapacityType capacity, IReadOnlyList<string> zones)
    {
        ArgumentNullException.ThrowIfNull(offering);
        ArgumentNullException.ThrowIfNull(zones);
        if (capacity == CapacityType.OnDemand || zones.Count == 0)
        {
            return offering.OnDemandPrice;
        }

        return zones.Max(z => Math.Min(offering.SpotPriceIn(z) ?? offering.OnDemandPrice, offering.OnDemandPrice));
    }

    private static ScaleOutOption? Growth(int index, ExistingPool pool, RegionCatalog catalog, IReadOnlyList<string> requestZones)
    {
        var max = Math.Min(pool.MaxSize ?? LayoutRequestLimits.MaxNodes, LayoutRequestLimits.MaxNodes) - pool.NodeCount;
        var offering = catalog.Find(pool.InstanceType)!;
        var zones = pool.Zones.Count > 0 ? pool.Zones : requestZones;
        // Known to be sold out in every zone of the pool: growing it would only leave pending nodes.
        var soldOut = offering.Availability.Count > 0 && !zones.Any(offering.HasStockIn);
        if (!pool.CanGrow || max <= 0 || soldOut)
        {
            return null;
        }

        var (cpu, memory, gpus) = Allocatable(offering.Type);
        return new ScaleOutOption(index, offering, pool.CapacityType, zones, PoolUnitPrice(offering, pool.CapacityType, zones), max, cpu, memory, gpus);
    }

    private static List<ScaleOutOption> NewPools(ScaleOutRequest request, RegionCatalog catalog, string? zone)
    {
        if (zone is not null && request.Zones is { Count: > 0 } allowed && !allowed.Contains(zone, StringComparer.Ordinal))
        {
            return [];
        }

        var filter = new CandidateFilter(request.ToFilterRequest(zone is null ? null : [zone]), catalog);
        var options = new List<ScaleOutOption>();
        foreach (var offering in filter.Apply(catalog.InstanceTypes))
        {
            var (cpu, memory, gpus) = Allocatable(offering.Type);
            if (cpu <= 0 && memory <= 0 && gpus <= 0)
            {
                continue;
            }

            options.Add(new ScaleOutOption(null, offering, CapacityType.OnDemand, filter.Zones, offering.OnDemandPrice, LayoutRequestLimits.MaxNodes, cpu, memory, gpus));
            if (filter.SpotPrice(offering) is { } spot)
            {
                options.Add(new ScaleOutOption(null, offering, CapacityType.Spot, filter.Zones, Math.Min(spot, offering.OnDemandPrice),
                    LayoutRequestLimits.MaxNodes, cpu, memory, gpus));
            }
        }

        return options;
    }

    /// <summary>
    /// New-pool options no other option beats: B dominates A when both are new pools with the same capacity type, zones
    /// and architecture, B has at least A's resources at no higher price, and no pod selects A's type. Swapping A's nodes
    /// one for one with B's keeps every rule (capacity, pods, pool count), so the cheapest change never needs A.
    /// </summary>
    private static IEnumerable<ScaleOutOption> Undominated(List<ScaleOutOption> options, HashSet<string> selectedTypes)
    {
        var groups = options.GroupBy(o => (o.CapacityType, o.Offering.Type.Architecture, Zones: string.Join(',', o.Zones)));
        foreach (var group in groups)
        {
            // Cheapest first (then larger, then by name) so a dominating option is always met before what it dominates.
            var ordered = group.OrderBy(o => o.UnitPrice).ThenByDescending(o => o.MilliCpu).ThenByDescending(o => o.MemoryMiB)
                .ThenByDescending(o => o.Gpus).ThenBy(o => o.Offering.Name, StringComparer.Ordinal).ToList();
            var kept = new List<ScaleOutOption>();
            foreach (var candidate in ordered)
            {
                var selected = selectedTypes.Contains(candidate.Offering.Name);
                if (selected || !kept.Any(k => k.UnitPrice <= candidate.UnitPrice && k.MilliCpu >= candidate.MilliCpu
                    && k.MemoryMiB >= candidate.MemoryMiB && k.Gpus >= candidate.Gpus))
                {
                    kept.Add(candidate);
                }
            }

            foreach (var k in kept)
            {
                yield return k;
            }
        }
    }

    private static List<PodClass> PodClasses(ScaleOutRequest request, RegionCatalog catalog)
    {
        var classes = new Dictionary<(long, long, int, PodPlacement), (List<string> Names, int Count)>();
        for (var i = 0; i < request.Pods.Count; i++)
        {
            var pod = request.Pods[i];
            var placement = PodPlacement.Of(pod, request.SpotTaintKey, $"pods[{i}]");
            if (placement.Zone is { } zone && !catalog.HasZone(zone))
            {
                throw new ValidationException($"pods[{i}].nodeSelector", $"'{zone}' is not a zone of {catalog.Key}.");
            }

            var key = (PriceScale.ToMillicores(pod.Cpu), PriceScale.ToMiB(pod.MemoryGiB), pod.Gpus, placement);
            var entry = classes.TryGetValue(key, out var known) ? known : ([], 0);
            if (entry.Names.Count < 3)
            {
                entry.Names.Add(pod.Name.Length > 0 ? pod.Name : $"pods[{i}]");
            }

            classes[key] = (entry.Names, entry.Count + pod.Count);
        }

        return [.. classes.Select(c => new PodClass(string.Join(", ", c.Value.Names), c.Value.Count, c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Key.Item4))];
    }

    private static ScaleOutDemand Demand(ScaleOutRequest request, RegionCatalog catalog, List<PodClass> pods)
    {
        long spareCpu = 0, spareMemory = 0;
        var spareGpus = 0;
        foreach (var pool in request.Pools.Where(p => p.StatesUsage))
        {
            // A pool that states part of its usage: the figures left out count as fully used, never as free.
            var (cpu, memory, gpus) = Allocatable(catalog.Find(pool.InstanceType)!.Type);
            spareCpu += pool.UsedCpu is { } c ? Math.Max(0, (pool.NodeCount * cpu) - PriceScale.ToMillicores(c)) : 0;
            spareMemory += pool.UsedMemoryGiB is { } m ? Math.Max(0, (pool.NodeCount * memory) - PriceScale.ToMiB(m)) : 0;
            spareGpus += pool.UsedGpus is { } g ? Math.Max(0, (pool.NodeCount * gpus) - g) : 0;
        }

        // The stated demand includes the pending pods; it is at least their sum.
        var podCpu = pods.Sum(p => p.Count * p.MilliCpu);
        var podMemory = pods.Sum(p => p.Count * p.MemoryMiB);
        var podGpus = pods.Sum(p => (long)p.Count * p.Gpus);
        return new ScaleOutDemand(
            Math.Max(PriceScale.ToMillicores(request.Cpu), podCpu),
            Math.Max(PriceScale.ToMiB(request.MemoryGiB), podMemory),
            (int)Math.Min(int.MaxValue, Math.Max(request.Gpus, podGpus)),
            spareCpu,
            spareMemory,
            spareGpus);
    }
}
