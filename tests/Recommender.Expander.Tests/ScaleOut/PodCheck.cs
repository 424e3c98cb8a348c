using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Expander.ScaleOut;

namespace Recommender.Expander.Tests.ScaleOut;

/// <summary>
/// An independent check that pending pods fit the nodes a plan adds: a backtracking search over pod-to-node
/// assignments (small cases only), written apart from the service's first-fit decreasing.
/// </summary>
internal static class PodCheck
{
    public static bool AllFit(IReadOnlyList<ScaleOutPod> pods, ScaleOutPlan plan, RegionCatalog catalog)
    {
        var nodes = new List<(PoolChange Pool, long[] Free)>();
        foreach (var change in plan.Changes)
        {
            var type = catalog.Find(change.InstanceType)!.Type;
            for (var i = 0; i < change.NodesAdded; i++)
            {
                nodes.Add((change, [NodeReservation.SustainedMillicores(type), NodeReservation.AllocatableMemoryMiB(type), type.GpuCount, 110]));
            }
        }

        var each = pods.SelectMany(p => Enumerable.Repeat(p, p.Count)).OrderByDescending(p => p.Cpu).ThenByDescending(p => p.MemoryGiB).ToList();
        return Place(0);

        bool Place(int k)
        {
            if (k == each.Count)
            {
                return true;
            }

            var pod = each[k];
            var need = new[] { (long)Math.Ceiling(pod.Cpu * 1000), (long)Math.Ceiling(pod.MemoryGiB * 1024), pod.Gpus, 1L };
            foreach (var (pool, free) in nodes)
            {
                if (!Allowed(pod, pool, catalog) || Enumerable.Range(0, 4).Any(r => free[r] < need[r]))
                {
                    continue;
                }

                for (var r = 0; r < 4; r++)
                {
                    free[r] -= need[r];
                }

                var placed = Place(k + 1);
                for (var r = 0; r < 4; r++)
                {
                    free[r] += need[r];
                }

                if (placed)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static bool Allowed(ScaleOutPod pod, PoolChange pool, RegionCatalog catalog)
    {
        foreach (var (key, value) in pod.NodeSelector ?? new Dictionary<string, string>())
        {
            var ok = key switch
            {
                "kubernetes.io/arch" => (value == "arm64") == (catalog.Find(pool.InstanceType)!.Type.Architecture == CpuArchitecture.Arm),
                "topology.kubernetes.io/zone" => pool.Zones.Count == 1 && pool.Zones[0] == value,
                "karpenter.sh/capacity-type" => (value == "spot") == (pool.CapacityType == CapacityType.Spot),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
