using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// Exact dominance pruning. Candidate <c>a</c> is dropped when another candidate <c>b</c> that may replace it has at
/// least a's allocatable vCPU, memory and GPUs at no higher price (exact ties: the earlier index survives).
/// <c>b</c> may replace <c>a</c> when
/// <list type="bullet">
/// <item>with sameSize, b has a's raw size (vCPU and memory), so every node stays the same size;</item>
/// <item>with spotDiversity D of 2 or more: a is on-demand and so is b. A spot a is dropped only when at least 2D spot
/// candidates dominate it with exactly a's allocatable vCPU: if one of them is unused, a's nodes move to it (every
/// share is unchanged); if all are used, the layout has 2D+1 spot types of that vCPU size x = S/c nodes' worth, each
/// holding at most floor(x/D) nodes, and 2D x floor(x/D) >= x for every x >= D (the smallest valid spot total), so
/// a's nodes fit into the dominators' headroom without any share passing 1/D and at least 2D spot types remain;</item>
/// <item>otherwise: same capacity type, or b is on-demand (more on-demand capacity only helps onDemandPct), or
/// onDemandPct is 0 (capacity type then constrains nothing).</item>
/// </list>
/// Why it is exact: replace every a-node by a b-node in any feasible layout. Node count is unchanged (minNodes,
/// maxNodes hold); capacity, GPU and on-demand coverage can only grow; pools and instance types can only merge or
/// swap one for one (maxPools holds, never more pools); largestPod and every filter were applied before; price does
/// not rise. So some optimal layout (ties included) never uses a. The relation is transitive, so comparing each
/// candidate with the survivors so far (in price order) finds every dominated one. Alternatives are drawn from the
/// pruned set: a layout that only swaps a type for a dominated one is never offered as an alternative.
/// </summary>
public static class DominanceFilter
{
    public static IReadOnlyList<PoolCandidate> Prune(IReadOnlyList<PoolCandidate> candidates, bool sameSize, int spotDiversity, int onDemandPct)
    {
        var keep = new bool[candidates.Count];
        foreach (var group in Enumerable.Range(0, candidates.Count).GroupBy(i => sameSize ? candidates[i].Shape : -1))
        {
            // A dominator sorts before what it dominates (cheaper, or as cheap and larger, or identical and earlier).
            var ordered = group.OrderBy(i => candidates[i].PriceMicros)
                .ThenByDescending(i => candidates[i].CpuMillis)
                .ThenByDescending(i => candidates[i].MemoryMiB)
                .ThenByDescending(i => candidates[i].Gpus)
                .ThenBy(i => candidates[i].IsSpot)
                .ThenBy(i => i);
            var front = new List<PoolCandidate>();
            foreach (var i in ordered)
            {
                var a = candidates[i];
                var dominated = a.IsSpot && SpotDiversityRule.Binds(spotDiversity)
                    ? front.Count(b => b.IsSpot && b.CpuMillis == a.CpuMillis && Dominates(b, a)) >= 2 * spotDiversity
                    : front.Exists(b => Dominates(b, a) && LayoutRules.MayReplace(b, a, spotDiversity, onDemandPct));
                if (!dominated)
                {
                    front.Add(a);
                    keep[i] = true;
                }
            }
        }

        return [.. candidates.Where((_, i) => keep[i])];
    }

    /// <summary>b is at least as good as a on every constrained quantity.</summary>
    public static bool Dominates(PoolCandidate b, PoolCandidate a) =>
        b.PriceMicros <= a.PriceMicros && b.CpuMillis >= a.CpuMillis && b.MemoryMiB >= a.MemoryMiB && b.Gpus >= a.Gpus;
}
