namespace Recommender.Solver;

/// <summary>
/// Exact dominance pruning. Candidate <c>a</c> is dropped when another candidate <c>b</c> of the same capacity type
/// has at least a's allocatable vCPU, memory and GPUs at no higher price (exact ties: the earlier index survives), and
/// <list type="bullet">
/// <item>with sameSize, b has a's raw size (vCPU and memory), so swapping keeps every node the same size;</item>
/// <item>with spotDiversity of 2 or more, spot candidates are never dropped: merging a's nodes into b could reduce
/// the number of spot types or push b's share above 1/D.</item>
/// </list>
/// Why it is exact: replace every a-node by a b-node in any feasible layout. Node count is unchanged (minNodes,
/// maxNodes hold); capacity, GPU and on-demand coverage can only grow; pools and instance types can only merge
/// (maxPools holds, fewer pools); largestPod and every filter were applied before; price does not rise. So some
/// optimal layout (ties included) never uses a. Alternatives are therefore drawn from the pruned set: a layout
/// that only swaps a type for a dominated one is never offered as an alternative.
/// </summary>
public static class DominanceFilter
{
    public static IReadOnlyList<PoolCandidate> Prune(IReadOnlyList<PoolCandidate> candidates, bool sameSize, int spotDiversity)
    {
        var keep = new bool[candidates.Count];
        var groups = Enumerable.Range(0, candidates.Count)
            .GroupBy(i => (candidates[i].CapacityType, Shape: sameSize ? candidates[i].Shape : -1));
        foreach (var group in groups)
        {
            if (group.Key.CapacityType == Core.Recommendations.CapacityType.Spot && spotDiversity >= 2)
            {
                foreach (var i in group)
                {
                    keep[i] = true;
                }

                continue;
            }

            // Any dominator sorts before what it dominates, and dominance is transitive, so comparing with the
            // survivors so far (the Pareto front) is enough.
            var ordered = group.OrderBy(i => candidates[i].PriceMicros)
                .ThenByDescending(i => candidates[i].CpuMillis)
                .ThenByDescending(i => candidates[i].MemoryMiB)
                .ThenByDescending(i => candidates[i].Gpus)
                .ThenBy(i => i);
            var front = new List<PoolCandidate>();
            foreach (var i in ordered)
            {
                var a = candidates[i];
                if (!front.Exists(b => Dominates(b, a)))
                {
                    front.Add(a);
                    keep[i] = true;
                }
            }
        }

        return [.. candidates.Where((_, i) => keep[i])];
    }

    /// <summary>b is at least as good as a on every constrained attribute (capacity type and shape are grouped already).</summary>
    public static bool Dominates(PoolCandidate b, PoolCandidate a) =>
        b.PriceMicros <= a.PriceMicros && b.CpuMillis >= a.CpuMillis && b.MemoryMiB >= a.MemoryMiB && b.Gpus >= a.Gpus;
}
