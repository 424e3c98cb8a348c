namespace Recommender.Solver;

/// <summary>
/// sameSize decomposed by size: every layout uses one (vCPU, memory) size, so the best layout is the best of the
/// per-size optima. Sizes are solved in the order of a valid price lower bound and a size is skipped once its bound
/// exceeds the best price found (a size whose bound equals it is still solved: it may win on nodes or pools). Each
/// per-size model is small and has no size booleans; its node bounds are capped by the best price so far, which
/// keeps its optimum whenever that optimum could matter. Only for the best layout (alternatives cut on type sets
/// across sizes and use the whole model).
/// </summary>
internal sealed class SameSizeSearch(NodePoolProblem problem, SolverOptions options, TimeProvider time, long deadline, CoverBudget? coverBudget = null)
{
    public NodePoolSolution Solve(CancellationToken ct)
    {
        var bySize = Enumerable.Range(0, problem.Candidates.Count).GroupBy(i => problem.Candidates[i].Shape)
            .Select(g => (Members: g.ToArray(), Bound: PriceLowerBound(g.ToArray())))
            .Where(s => s.Bound is not null)
            .OrderBy(s => s.Bound)
            .ToList();
        int[]? bestCounts = null;
        var best = (Price: long.MaxValue, Nodes: long.MaxValue, Pools: long.MaxValue);
        long? openBound = null; // smallest price bound among sizes not solved to the end
        var wall = TimeSpan.Zero;
        foreach (var (members, sizeBound) in bySize)
        {
            if (sizeBound > best.Price)
            {
                break;
            }

            if (ct.IsCancellationRequested || time.GetTimestamp() >= deadline)
            {
                openBound = Math.Min(openBound ?? long.MaxValue, sizeBound!.Value);
                continue;
            }

            var sub = NodePoolProblemBuilder.Restrict(problem, members);
            var cap = FallbackLayout.SinglePoolPriceMicros(sub);
            if (bestCounts is not null)
            {
                cap = Math.Min(cap ?? long.MaxValue, best.Price);
            }

            var solution = new LayoutSearch(sub, options, time, deadline) { PriceCapMicros = cap, CoverBudget = coverBudget ??= new CoverBudget(options.CoverSearchBudget, time) }.Next(false, ct);
            wall += solution.WallTime;
            if (solution.Status != SolveStatus.Optimal && solution.Status != SolveStatus.Infeasible)
            {
                openBound = Math.Min(openBound ?? long.MaxValue, Math.Max(sizeBound!.Value, solution.PriceBoundMicros ?? 0));
            }

            if (solution.Counts is not { } counts)
            {
                continue;
            }

            var key = (solution.PriceMicros, (long)counts.Sum(), (long)counts.Count(n => n > 0));
            if (key.CompareTo(best) < 0)
            {
                best = key;
                bestCounts = new int[problem.Candidates.Count];
                for (var k = 0; k < members.Length; k++)
                {
                    bestCounts[members[k]] = counts[k];
                }
            }
        }

        if (bestCounts is null)
        {
            return new NodePoolSolution(openBound is null ? SolveStatus.Infeasible : SolveStatus.Unknown, null, 0, null, wall);
        }

        return openBound is { } open && open <= best.Price
            ? new NodePoolSolution(SolveStatus.Feasible, bestCounts, best.Price, open, wall)
            : new NodePoolSolution(SolveStatus.Optimal, bestCounts, best.Price, best.Price, wall);
    }

    /// <summary>
    /// A price no layout of this size beats, or null when the size cannot cover the request within maxNodes or the
    /// on-demand share: at least N = max(minNodes, vCPU and memory covers) nodes, of which at least O (on-demand
    /// share covers) on-demand, each at least the cheapest price of its kind. GPUs are ignored (still a valid bound).
    /// </summary>
    private long? PriceLowerBound(int[] members)
    {
        var candidates = members.Select(i => problem.Candidates[i]).ToList();
        var cpu = candidates.Max(c => c.CpuMillis);
        var memory = candidates.Max(c => c.MemoryMiB);
        var nodes = Math.Max(problem.MinNodes, Math.Max(NodeCover.Of(problem.CpuMillis, cpu), NodeCover.Of(problem.MemoryMiB, memory)));
        var onDemand = Math.Max(NodeCover.Of(problem.OnDemandCpuMillis, cpu), NodeCover.Of(problem.OnDemandMemoryMiB, memory));
        if (nodes > problem.MaxNodes)
        {
            return null;
        }

        var cheapest = candidates.Min(c => c.PriceMicros);
        if (onDemand == 0)
        {
            return nodes * cheapest;
        }

        var onDemandPrices = candidates.Where(c => !c.IsSpot).Select(c => c.PriceMicros).ToList();
        return onDemandPrices.Count == 0 ? null : (onDemand * onDemandPrices.Min()) + (Math.Max(0, nodes - onDemand) * cheapest);
    }
}
