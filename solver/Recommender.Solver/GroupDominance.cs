using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// "j nodes of b replace k nodes of a" (k &gt; j ≥ 1): b's j nodes have at least the allocatable vCPU, memory and GPUs
/// of a's k nodes at no higher price. On Alibaba most families are priced linearly in size while the reservation
/// shrinks with size, so two <c>g7.xlarge</c> are worth one <c>g7.2xlarge</c>; without these cuts CP-SAT has to
/// prove that none of the many same-price mixes of small and large sizes has fewer nodes, which is most of its work.
/// Why the cut <c>nodes[a] ≤ k − 1</c> keeps every best layout: if a best layout had k a-nodes, swapping them for
/// j b-nodes keeps coverage, on-demand share (b is on-demand or a is spot or the share is 0, see
/// <see cref="LayoutRules.MayReplace"/>), maxNodes and every filter, costs no more and has k − j fewer nodes, so
/// it would be strictly better, unless it breaks one of the rules a swap can break, which is when the cut is off:
/// <list type="bullet">
/// <item>minNodes: the swap leaves N − k + j nodes; the cut applies only when N ≥ minNodes + k − j (always when j ≥ minNodes);</item>
/// <item>maxPools: the swap may add b's pool; the cut applies when b is already used or a pool is left;</item>
/// <item>spotDiversity ≥ 2: spot shares move, so only on-demand a and b are paired (the spot vCPU is unchanged);</item>
/// <item>sameSize: b is another size; no cuts.</item>
/// </list>
/// Valid for the best layout only (alternatives are not best), like the price cap.
/// </summary>
internal static class GroupDominance
{
    /// <summary>Largest j tried per pair; larger groups almost never give a smaller k.</summary>
    private const int MostReplacingNodes = 8;

    /// <summary>Per candidate a, the replacement with the smallest k (then the largest j), when k − 1 is below a's node bound.</summary>
    public static IReadOnlyList<GroupCut> Find(NodePoolProblem problem)
    {
        if (problem.SameSize)
        {
            return [];
        }

        var c = problem.Candidates;
        var onDemandPct = OnDemandShareRule.Binds(problem) ? 1 : 0;
        var cuts = new List<GroupCut>();
        for (var a = 0; a < c.Count; a++)
        {
            var best = (K: (long)problem.UpperBounds[a] + 1, J: 0L, B: -1);
            for (var b = 0; b < c.Count; b++)
            {
                if (b == a || !Larger(c[b], c[a]) || !LayoutRules.MayReplace(c[b], c[a], problem.SpotDiversity, onDemandPct))
                {
                    continue;
                }

                for (var j = 1L; j <= MostReplacingNodes && j + 1 <= best.K; j++)
                {
                    var k = SmallestK(c[a], c[b], j);
                    if (k is { } found && (found < best.K || (found == best.K && j > best.J)))
                    {
                        best = (found, j, b);
                    }
                }
            }

            if (best.B >= 0 && best.K - 1 < problem.UpperBounds[a])
            {
                cuts.Add(new GroupCut(a, best.B, (int)best.K, (int)best.J));
            }
        }

        return cuts;
    }

    /// <summary>
    /// Fewer nodes of b can only replace more of a if each b node is larger in every resource a has (j·cap_b ≥ k·cap_a
    /// with k &gt; j); checked first, as it rules out most of the n² pairs at once.
    /// </summary>
    private static bool Larger(PoolCandidate b, PoolCandidate a) =>
        (a.CpuMillis == 0 || b.CpuMillis > a.CpuMillis) && (a.MemoryMiB == 0 || b.MemoryMiB > a.MemoryMiB) && (a.Gpus == 0 || b.Gpus > a.Gpus);

    /// <summary>Smallest k &gt; j with j·price_b ≤ k·price_a and j·cap_b ≥ k·cap_a for every resource, or null.</summary>
    private static long? SmallestK(PoolCandidate a, PoolCandidate b, long j)
    {
        if (a.PriceMicros <= 0)
        {
            return null;
        }

        var k = Math.Max(j + 1, NodeCover.Of(j * b.PriceMicros, a.PriceMicros));
        var most = Math.Min(Math.Min(MostCopies(j, b.CpuMillis, a.CpuMillis), MostCopies(j, b.MemoryMiB, a.MemoryMiB)), MostCopies(j, b.Gpus, a.Gpus));
        return k <= most ? k : null;
    }

    /// <summary>Most copies of a resource amount <paramref name="perA"/> that j·<paramref name="perB"/> covers.</summary>
    private static long MostCopies(long j, long perB, long perA) => perA <= 0 ? long.MaxValue : j * perB / perA;
}
