using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// maxPools ≤ 2 solved exactly by enumeration instead of CP-SAT. With few pools and covers of hundreds of nodes the
/// LP link <c>nodes ≤ U·used</c> is weak (the relaxation mixes many types at small fractions of <c>used</c>), so
/// CP-SAT found the optimum but could not prove it. Here every layout of the model is one pool or a pair of pools:
/// for a pool (a, x nodes) the cheapest partner count y is the smallest y meeting every "at least" rule (coverage,
/// on-demand share, minNodes, a's diversity share), because price, nodes and pools all grow with y and the only
/// "at most" rules (maxNodes, y ≤ U_b, b's diversity share) only get harder as y grows; so checking that smallest y
/// against every rule decides x. The feasible set is exactly <see cref="NodePoolModel"/>'s (same node bounds U, same
/// rules), and layouts compare by (price, nodes, pools), so the result is its lexicographic optimum, ties included.
/// Pairs are skipped when a valid price bound exceeds the best price (see <see cref="TooDear"/>).
/// </summary>
internal sealed class FewPoolsSearch(NodePoolProblem problem, TimeProvider time, long deadline)
{
    private readonly IReadOnlyList<PoolCandidate> c = problem.Candidates;
    private (long Price, long Nodes, long Pools) best = (long.MaxValue, long.MaxValue, long.MaxValue);
    private int[]? bestCounts;

    public static bool Applies(NodePoolProblem problem) => problem.MaxPools <= 2;

    public NodePoolSolution Solve(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var n = c.Count;
        var spotUsable = SpotDiversityRule.PoolsForSpot(problem.SpotDiversity, OnDemandShareRule.Binds(problem)) <= problem.MaxPools;
        var order = Enumerable.Range(0, n).Where(i => spotUsable || !c[i].IsSpot).OrderBy(i => c[i].PriceMicros / (double)Math.Max(1, c[i].CpuMillis)).ToArray();
        foreach (var a in order)
        {
            TrySingle(a);
        }

        var complete = true;
        if (problem.MaxPools >= 2)
        {
            var dear = new int[n];
            for (var ia = 0; ia < order.Length && complete; ia++)
            {
                if (ct.IsCancellationRequested || time.GetTimestamp() >= deadline)
                {
                    complete = false;
                    break;
                }

                var a = order[ia];
                Mark(dear);
                for (var ib = ia + 1; ib < order.Length; ib++)
                {
                    var b = order[ib];
                    if ((dear[a] & dear[b]) == 0 && (!problem.SameSize || c[a].Shape == c[b].Shape))
                    {
                        TryPair(a, b);
                    }
                }
            }
        }

        var wall = time.GetElapsedTime(started);
        if (bestCounts is null)
        {
            return new NodePoolSolution(complete ? SolveStatus.Infeasible : SolveStatus.Unknown, null, 0, null, wall);
        }

        return complete
            ? new NodePoolSolution(SolveStatus.Optimal, bestCounts, best.Price, best.Price, wall)
            : new NodePoolSolution(SolveStatus.Feasible, bestCounts, best.Price, Math.Min(best.Price, GlobalLowerBound()), wall);
    }

    private void TrySingle(int a)
    {
        for (var x = 1; x <= problem.UpperBounds[a]; x++)
        {
            if (Feasible(a, x, -1, 0))
            {
                Offer(a, x, -1, 0);
                return; // more nodes only cost more
            }
        }
    }

    private void TryPair(int a, int b)
    {
        var ua = (long)problem.UpperBounds[a];
        var ub = problem.UpperBounds[b];
        var first = 1L;
        if (best.Price != long.MaxValue)
        {
            Window(problem.CpuMillis, c[a].CpuMillis, c[b].CpuMillis, c[a].PriceMicros, c[b].PriceMicros, ref first, ref ua);
            Window(problem.MemoryMiB, c[a].MemoryMiB, c[b].MemoryMiB, c[a].PriceMicros, c[b].PriceMicros, ref first, ref ua);
        }

        for (var x = first; x <= ua; x++)
        {
            if ((c[a].PriceMicros * x) + c[b].PriceMicros > best.Price)
            {
                return; // y ≥ 1, and larger x only costs more
            }

            var y = SmallestPartner(a, x, b);
            if (y is { } count && count <= ub && Feasible(a, x, b, count))
            {
                Offer(a, x, b, count);
                if (count == 1)
                {
                    return; // every larger x needs y ≥ 1 too, so it costs more
                }
            }
        }
    }

    /// <summary>
    /// Narrows x to where the pair can still win or tie on price: y ≥ (d − x·cap_a)/cap_b for resource r (also when
    /// negative, as y ≥ 0), so cap_b·price ≥ p_b·d + x·(p_a·cap_b − p_b·cap_a), which must be ≤ cap_b·best.
    /// The best price only falls during the loop, so a window computed at its start stays a superset.
    /// </summary>
    private void Window(long demand, long capA, long capB, long priceA, long priceB, ref long first, ref long last)
    {
        if (demand <= 0 || capB <= 0)
        {
            return;
        }

        var slope = ((Int128)priceA * capB) - ((Int128)priceB * capA);
        var room = ((Int128)best.Price * capB) - ((Int128)priceB * demand); // slope·x ≤ room
        if (slope < 0)
        {
            var low = (-room + (-slope) - 1) / -slope; // x ≥ ceil(−room / −slope)
            first = Math.Max(first, (long)Int128.Min(low, long.MaxValue / 2));
        }
        else if (slope > 0)
        {
            last = room < 0 ? 0 : Math.Min(last, (long)Int128.Min(room / slope, long.MaxValue / 2));
        }
        else if (room < 0)
        {
            last = 0;
        }
    }

    /// <summary>Smallest y ≥ 1 meeting every "at least" rule given x nodes of a; null when no y can.</summary>
    private long? SmallestPartner(int a, long x, int b)
    {
        var (pa, pb) = (c[a], c[b]);
        long y = Math.Max(1, problem.MinNodes - x);
        if (!Need(problem.CpuMillis - (x * pa.CpuMillis), pb.CpuMillis, ref y)
            || !Need(problem.MemoryMiB - (x * pa.MemoryMiB), pb.MemoryMiB, ref y)
            || !Need(problem.Gpus - (x * pa.Gpus), pb.Gpus, ref y)
            || !Need(problem.OnDemandCpuMillis - (pa.IsSpot ? 0 : x * pa.CpuMillis), pb.IsSpot ? 0 : pb.CpuMillis, ref y)
            || !Need(problem.OnDemandMemoryMiB - (pa.IsSpot ? 0 : x * pa.MemoryMiB), pb.IsSpot ? 0 : pb.MemoryMiB, ref y))
        {
            return null;
        }

        if (SpotDiversityRule.Binds(problem.SpotDiversity) && pa.IsSpot && pb.IsSpot
            && !Need(SpotDiversityRule.OthersNeeded(problem.SpotDiversity, pa, x), pb.CpuMillis, ref y))
        {
            return null; // b holds no vCPU: a would carry all of the spot vCPU
        }

        return y;
    }

    /// <summary>Raises y to cover <paramref name="deficit"/> with b's <paramref name="perNode"/>; false when b holds none of it.</summary>
    private static bool Need(long deficit, long perNode, ref long y)
    {
        var nodes = NodeCover.Of(deficit, perNode);
        y = Math.Max(y, nodes);
        return nodes != NodeCover.Never;
    }

    /// <summary>Every rule (<see cref="LayoutRules"/>) for pools a (x nodes) and b (y nodes; b = −1 for none).</summary>
    private bool Feasible(int a, long x, int b, long y)
    {
        var pa = c[a];
        var pb = b < 0 ? pa : c[b];
        var ny = b < 0 ? 0 : y;
        var (odX, odY) = (pa.IsSpot ? 0 : x, pb.IsSpot ? 0 : ny);
        var (spotX, spotY) = (pa.IsSpot ? x : 0, pb.IsSpot ? ny : 0);
        return LayoutRules.Allow(problem, new LayoutTotals(
            (pa.CpuMillis * x) + (pb.CpuMillis * ny),
            (pa.MemoryMiB * x) + (pb.MemoryMiB * ny),
            ((long)pa.Gpus * x) + ((long)pb.Gpus * ny),
            (pa.CpuMillis * odX) + (pb.CpuMillis * odY),
            (pa.MemoryMiB * odX) + (pb.MemoryMiB * odY),
            x + ny,
            b < 0 ? 1 : 2,
            (pa.CpuMillis * spotX) + (pb.CpuMillis * spotY),
            (spotX > 0 ? 1 : 0) + (spotY > 0 ? 1 : 0),
            Math.Max(pa.CpuMillis * spotX, pb.CpuMillis * spotY)));
    }

    private void Offer(int a, long x, int b, long y)
    {
        var key = ((c[a].PriceMicros * x) + (b < 0 ? 0 : c[b].PriceMicros * y), x + y, b < 0 ? 1L : 2L);
        if (key.CompareTo(best) >= 0)
        {
            return;
        }

        best = key;
        bestCounts = new int[c.Count];
        bestCounts[a] = (int)x;
        if (b >= 0)
        {
            bestCounts[b] = (int)y;
        }
    }

    /// <summary>
    /// dear[i] bit r: for resource r (0 vCPU, 1 memory) with demand d_r, d_r·price_i &gt; best·cap_i,r (or cap 0). A
    /// pair whose two pools are both dear on the same r pays at least d_r·min(price/cap) &gt; best for r alone, so
    /// it cannot win or tie; the caller skips pairs with a common bit.
    /// </summary>
    private void Mark(int[] dear)
    {
        for (var i = 0; i < c.Count; i++)
        {
            dear[i] = best.Price == long.MaxValue ? 0
                : (TooDear(problem.CpuMillis, c[i].CpuMillis, c[i].PriceMicros) ? 1 : 0)
                  | (TooDear(problem.MemoryMiB, c[i].MemoryMiB, c[i].PriceMicros) ? 2 : 0);
        }
    }

    private bool TooDear(long demand, long capacity, long price) =>
        demand > 0 && (capacity <= 0 || (Int128)demand * price > (Int128)best.Price * capacity);

    // A valid bound on every layout's price: vCPU alone at the cheapest price per vCPU (floor).
    private long GlobalLowerBound()
    {
        if (problem.CpuMillis <= 0)
        {
            return 0;
        }

        var bound = c.Where(p => p.CpuMillis > 0).Select(p => (Int128)problem.CpuMillis * p.PriceMicros / p.CpuMillis).DefaultIfEmpty(0).Min();
        return (long)bound;
    }
}
