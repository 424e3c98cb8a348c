using Recommender.Alibaba.Cs;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Preflight;

namespace Recommender.Provisioning.Plans;

/// <summary>
/// Compares a layout with a cluster's node pools (by name) and says what to do: create the missing ones, scale the ones
/// whose count differs, and delete the unnamed ones only when asked. Pure: the caller reads the pools and the catalog.
/// </summary>
public static class LayoutPlanner
{
    public static LayoutPlan Plan(string clusterId, IReadOnlyList<NodePool> current, LayoutSpec layout, bool deleteUnlisted, RegionCatalog? prices)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(layout);
        var byName = current
            .Where(p => p.NodepoolInfo?.Name is not null && p.Status?.State != NodePoolStatus.Deleting)
            .GroupBy(p => p.NodepoolInfo!.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = new List<NodePoolChange>();
        var unpriced = new List<string>();
        foreach (var wanted in layout.Pools)
        {
            var type = wanted.InstanceTypes[0];
            var unit = Price(prices, type, wanted.CapacityType, wanted.Zones, wanted.Name, unpriced);
            if (byName.TryGetValue(wanted.Name, out var existing))
            {
                var from = CountOf(existing);
                var kind = from == wanted.NodeCount ? NodePoolChangeKind.Unchanged : NodePoolChangeKind.Scale;
                changes.Add(new NodePoolChange(kind, wanted.Name, existing.Id, type, wanted.CapacityType, from, wanted.NodeCount, unit, (wanted.NodeCount - from) * (unit ?? 0)));
            }
            else
            {
                changes.Add(new NodePoolChange(NodePoolChangeKind.Create, wanted.Name, null, type, wanted.CapacityType, 0, wanted.NodeCount, unit, wanted.NodeCount * (unit ?? 0)));
            }
        }

        var named = layout.Pools.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, pool) in byName.Where(p => !named.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var type = pool.ScalingGroup?.InstanceTypes is { Count: > 0 } types ? types[0] : "unknown";
            var capacity = pool.ScalingGroup?.SpotStrategy is null or NodePoolScalingGroup.NoSpot ? CapacityType.OnDemand : CapacityType.Spot;
            var count = CountOf(pool);
            var kind = deleteUnlisted ? NodePoolChangeKind.Delete : NodePoolChangeKind.Unchanged;
            var unit = deleteUnlisted ? Price(prices, type, capacity, [], name, unpriced) : null;
            changes.Add(new NodePoolChange(kind, name, pool.Id, type, capacity, count, deleteUnlisted ? 0 : count, unit, deleteUnlisted ? -count * (unit ?? 0) : 0));
        }

        return new LayoutPlan(clusterId, changes, changes.Sum(c => c.HourlyPriceChange), prices?.Currency, unpriced);
    }

    /// <summary>The pool's size as ACK means it: its desired size, else the nodes it has.</summary>
    public static int CountOf(NodePool pool) => pool.ScalingGroup?.DesiredSize ?? pool.Status?.TotalNodes ?? 0;

    private static decimal? Price(RegionCatalog? prices, string type, CapacityType capacity, IReadOnlyList<string> zones, string pool, List<string> unpriced)
    {
        var unit = prices is null ? null : CatalogPrices.UnitPrice(prices, type, capacity, zones);
        if (unit is null)
        {
            unpriced.Add(pool);
        }

        return unit;
    }
}
