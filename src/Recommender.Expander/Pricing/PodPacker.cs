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

    private const int Resources = 4;

    /// <summary>The node count, or null when some pod cannot run on an empty node of the template.</summary>
    public static int? NodesNeeded(IReadOnlyList<PendingPod> pods, TemplateNode node, ResourceAmounts usable)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(node);
        Span<long> size = [usable.MilliCpu ?? 0, usable.MemoryBytes ?? 0, usable.Gpus ?? 0, usable.Pods ?? DefaultMaxPods];
        var demands = new long[pods.Count * Resources];
        var order = new int[pods.Count];
        for (var i = 0; i < pods.Count; i++)
        {
            var r = pods[i].Requests;
            var demand = demands.AsSpan(i * Resources, Resources);
            (demand[0], demand[1], demand[2], demand[3]) = (Math.Max(0, r.MilliCpu ?? 0), Math.Max(0, r.MemoryBytes ?? 0), Math.Max(0, r.Gpus ?? 0), 1);
            if (!pods[i].CanRunOn(node) || !Fits(demand, size))
            {
                return null;
            }

            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byCpu = demands[b * Resources].CompareTo(demands[a * Resources]);
            return byCpu != 0 ? byCpu : demands[(b * Resources) + 1].CompareTo(demands[(a * Resources) + 1]);
        });

        // Free resources of each open node, four values per node.
        var free = new List<long>();
        foreach (var i in order)
        {
            var demand = demands.AsSpan(i * Resources, Resources);
            var bin = 0;
            while (bin < free.Count && !Fits(demand, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(free).Slice(bin, Resources)))
            {
                bin += Resources;
            }

            if (bin == free.Count)
            {
                foreach (var s in size)
                {
                    free.Add(s);
                }
            }

            var open = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(free).Slice(bin, Resources);
            for (var k = 0; k < Resources; k++)
            {
                open[k] -= demand[k];
            }
        }

        return free.Count / Resources;
    }

    private static bool Fits(ReadOnlySpan<long> demand, ReadOnlySpan<long> free) =>
        demand[0] <= free[0] && demand[1] <= free[1] && demand[2] <= free[2] && demand[3] <= free[3];
}
