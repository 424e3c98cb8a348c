using Recommender.Expander.Kubernetes;

namespace Recommender.Expander.Pricing;

/// <summary>
/// How many nodes of a template the pods need: first-fit decreasing (by CPU, then memory) over CPU, memory, GPUs and
/// pod slots. A check of CA's own estimate, not a scheduler: it reads requests, node selectors, required node affinity
/// and taints, nothing else (no pod affinity, spread, ports or volumes).
/// </summary>
public static class PodPacker
{
    /// <summary>Kubernetes' default kubelet <c>maxPods</c>, for a template that does not say.</summary>
    public const long DefaultMaxPods = 110;

    /// <summary>The node count, or null when some pod cannot run on an empty node of the template.</summary>
    public static int? NodesNeeded(IReadOnlyList<PendingPod> pods, TemplateNode node, ResourceAmounts usable)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(node);
        var size = new[] { usable.MilliCpu ?? 0, usable.MemoryBytes ?? 0, usable.Gpus ?? 0, usable.Pods ?? DefaultMaxPods };
        var demands = new long[pods.Count][];
        for (var i = 0; i < pods.Count; i++)
        {
            var r = pods[i].Requests;
            demands[i] = [Math.Max(0, r.MilliCpu ?? 0), Math.Max(0, r.MemoryBytes ?? 0), Math.Max(0, r.Gpus ?? 0), 1];
            if (!pods[i].CanRunOn(node) || !Fits(demands[i], size))
            {
                return null;
            }
        }

        Array.Sort(demands, (a, b) => b[0] != a[0] ? b[0].CompareTo(a[0]) : b[1].CompareTo(a[1]));
        var free = new List<long[]>();
        foreach (var demand in demands)
        {
            var bin = free.Find(f => Fits(demand, f));
            if (bin is null)
            {
                bin = (long[])size.Clone();
                free.Add(bin);
            }

            for (var k = 0; k < bin.Length; k++)
            {
                bin[k] -= demand[k];
            }
        }

        return free.Count;
    }

    private static bool Fits(long[] demand, long[] free)
    {
        for (var k = 0; k < demand.Length; k++)
        {
            if (demand[k] > free[k])
            {
                return false;
            }
        }

        return true;
    }
}
