using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// Exact depth-first branch and bound over the node count of each candidate, for the best layout. CP-SAT is a
/// general solver: on these small covering problems (tens of candidates, two or three binding rows) it spent
/// hundreds of milliseconds closing gaps of 0.05 %, mostly on integer rounding. Here every state is bounded by LP
/// duals of what is left to cover (<see cref="LagrangianBound"/>, over the per-depth polygons of
/// <see cref="CoverTables"/>), so a state costs some dozens of multiplications and most of the tree is never entered;
/// the first layouts come from rounding the root LP (<see cref="LpRounding"/>). Every rule is asked of
/// <see cref="LayoutRules"/>.
/// <para>
/// Same feasible set as <see cref="NodePoolModel"/> (same node bounds, every rule checked at the leaf), same
/// (price, nodes, pools) order, so a completed search is that model's optimum, ties included; a search cut short by
/// its deadline returns its incumbent (a valid layout) and no proof, and the caller hands over to CP-SAT.
/// </para>
/// Prunes, all valid: the price bound (LP dual of the remaining vCPU, memory and on-demand share; cheapest price per
/// GPU for the GPUs left; cheapest node for the nodes minNodes still asks), convex in one candidate's count so the
/// count loop stops once the bound rises above the best; node counts (the largest node left cannot cover in the
/// nodes maxNodes leaves); pools; sameSize; too few spot types left for spotDiversity; no more nodes of a candidate
/// than cover what is left (spot under diversity excepted, as in the node bounds).
/// </summary>
internal sealed class CoverSearch
{
    private readonly NodePoolProblem problem;
    private readonly TimeProvider time;
    private readonly long deadline;
    private readonly long stateLimit;
    private readonly CoverTables tables;
    private readonly LagrangianBound bounds;
    private readonly int[] counts;
    private (long Price, long Nodes, long Pools) best = (long.MaxValue, long.MaxValue, long.MaxValue);
    private int[]? bestCounts;
    private long visited;
    private bool stopped;
    private CancellationToken ct;

    /// <param name="upperBounds">Per candidate, the node bounds of the model this search stands in for.</param>
    /// <param name="stateLimit">Stop after this many states (0: no limit): a load-independent budget for benchmarks.</param>
    public CoverSearch(NodePoolProblem problem, IReadOnlyList<int> upperBounds, TimeProvider time, long deadline, long stateLimit = 0)
    {
        this.stateLimit = stateLimit;
        this.problem = problem;
        this.time = time;
        this.deadline = deadline;
        tables = new CoverTables(problem, upperBounds);
        counts = new int[tables.Count];
        bounds = new LagrangianBound(problem, tables);
    }

    /// <summary>States visited so far.</summary>
    public long Visited => visited;

    /// <summary>The price bound of the root state (the LP relaxation's value, see <see cref="LagrangianBound"/>), once solved.</summary>
    public long? RootBoundMicros { get; private set; }

    /// <summary>Optimal or Infeasible when the search ran to the end; Feasible (incumbent) or Unknown when it was cut short.</summary>
    public NodePoolSolution Solve(CancellationToken cancellation)
    {
        ct = cancellation;
        var started = time.GetTimestamp();
        var root = CoverState.Root(problem);
        if (bounds.Duals is { } lp)
        {
            new LpRounding(problem, tables, bounds, counts, Offer).Seed(root, lp.Solution);
        }

        var rootBound = bounds.Of(0, root, 0, tables.NodePrices.Length - 1).Value;
        RootBoundMicros = LagrangianBound.LowestPrice(rootBound);
        Search(0, root, rootBound);
        var wall = time.GetElapsedTime(started);
        if (bestCounts is null)
        {
            return new NodePoolSolution(stopped ? SolveStatus.Unknown : SolveStatus.Infeasible, null, 0, null, wall);
        }

        return stopped
            ? new NodePoolSolution(SolveStatus.Feasible, bestCounts, best.Price, null, wall)
            : new NodePoolSolution(SolveStatus.Optimal, bestCounts, best.Price, best.Price, wall);
    }

    /// <param name="bound">s.Price + the bound of (d, s), computed by the caller.</param>
    private void Search(int d, in CoverState s, double bound)
    {
        if (((++visited & 1023) == 1 && (ct.IsCancellationRequested || time.GetTimestamp() >= deadline))
            || (stateLimit > 0 && visited > stateLimit))
        {
            stopped = true;
        }

        if (stopped)
        {
            return;
        }

        if (s.Allowed(problem))
        {
            Offer(s);
            return; // every further node costs more
        }

        if (d == tables.Count || s.Pools >= problem.MaxPools
            || !SpotDiversityRule.CanStillSpread(problem.SpotDiversity, s.SpotCpu, s.SpotTypes + tables.SpotLeft[d]))
        {
            return;
        }

        // The state's bound over every node price mu picks the mu its children are bounded with (that mu, its
        // neighbours and 0): the best mu moves little from a state to its children, and fewer mu make each bound cheap.
        var state = s;
        var (full, mu) = bounds.Of(d, s, 0, tables.NodePrices.Length - 1);
        if (s.OnDemandCpu > 0 || s.OnDemandMemory > 0)
        {
            full = Math.Max(full, bounds.WithShare(d, s));
        }

        if (!MayImprove(d, s, Math.Max(bound, s.Price + full)))
        {
            return;
        }

        var window = (Low: Math.Max(0, mu - 1), High: Math.Min(tables.NodePrices.Length - 1, mu + 1));
        var c = tables.At[d];
        var most = SameSizeRule.Allows(problem, s.Shape, c.Shape) ? MostNodes(d, s) : 0;
        CoverState Child(long k) => k == 0 ? state : state.Add(c, k, bounds.DiversityTerm(d));
        double ChildBound(long k)
        {
            var child = Child(k);
            return child.Price + bounds.Of(d + 1, child, window.Low, window.High).Value;
        }

        // Children best bound first: the bound is convex in k (0 = skip the candidate), so start at its minimiser and
        // step outwards on the cheaper side; once the cheaper side cannot improve, neither can anything further out.
        var start = ArgMin(most, ChildBound);
        var (left, right) = (start, start + 1);
        var (leftBound, rightBound) = (ChildBound(start), right <= most ? ChildBound(right) : double.PositiveInfinity);
        while (!stopped)
        {
            var goLeft = leftBound <= rightBound;
            var (k, childBound) = goLeft ? (left, leftBound) : (right, rightBound);
            if (!PriceMayImprove(childBound))
            {
                break;
            }

            counts[d] = (int)k;
            Search(d + 1, Child(k), childBound);
            counts[d] = 0;
            if (goLeft)
            {
                left--;
                leftBound = left >= 0 ? ChildBound(left) : double.PositiveInfinity;
            }
            else
            {
                right++;
                rightBound = right <= most ? ChildBound(right) : double.PositiveInfinity;
            }
        }
    }

    /// <summary>A minimiser over k in [0, most] of a convex function (ternary search, then a scan of the last few).</summary>
    private static long ArgMin(long most, Func<long, double> f)
    {
        var (low, high) = (0L, most);
        while (high - low > 3)
        {
            var m1 = low + ((high - low) / 3);
            var m2 = high - ((high - low) / 3);
            var (f1, f2) = (f(m1), f(m2));
            if (f1 < f2)
            {
                high = m2 - 1;
            }
            else if (f1 > f2)
            {
                low = m1 + 1;
            }
            else
            {
                (low, high) = (m1, m2);
            }
        }

        var (argMin, min) = (low, f(low));
        for (var k = low + 1; k <= high; k++)
        {
            var value = f(k);
            if (value < min)
            {
                (argMin, min) = (k, value);
            }
        }

        return argMin;
    }

    /// <summary>Most nodes of the candidate at depth d worth trying (see the class remarks).</summary>
    private long MostNodes(int d, in CoverState s)
    {
        var c = tables.At[d];
        long most = tables.Upper[d];
        if (!SpotDiversityRule.UnboundedByCover(problem.SpotDiversity, c))
        {
            most = Math.Min(most, s.NodesToFinish(problem, c));
        }

        most = Math.Min(most, problem.MaxNodes - s.Nodes);
        if (best.Price != long.MaxValue && c.PriceMicros > 0)
        {
            most = Math.Min(most, (best.Price - s.Price) / c.PriceMicros);
        }

        return most;
    }

    private bool MayImprove(int d, in CoverState s, double bound)
    {
        var t = tables;
        var roomNodes = problem.MaxNodes - s.Nodes;
        var nodesNeeded = Math.Max(
            problem.MinNodes - s.Nodes,
            Math.Max(
                Math.Max(NodeCover.Of(s.Cpu, t.LargestCpu[d]), NodeCover.Of(s.Memory, t.LargestMemory[d])),
                Math.Max(NodeCover.Of(s.Gpus, t.LargestGpus[d]), Math.Max(NodeCover.Of(s.OnDemandCpu, t.LargestOnDemandCpu[d]), NodeCover.Of(s.OnDemandMemory, t.LargestOnDemandMemory[d])))));
        if (nodesNeeded > roomNodes)
        {
            return false;
        }

        if (best.Price == long.MaxValue)
        {
            return !double.IsPositiveInfinity(bound);
        }

        var price = LagrangianBound.LowestPrice(bound);
        if (price != best.Price)
        {
            return price < best.Price;
        }

        var nodes = s.Nodes + Math.Max(1, nodesNeeded);
        return nodes != best.Nodes ? nodes < best.Nodes : s.Pools + 1 < best.Pools;
    }

    private bool PriceMayImprove(double bound) => best.Price == long.MaxValue ? !double.IsPositiveInfinity(bound) : LagrangianBound.LowestPrice(bound) <= best.Price;

    /// <summary>Keeps the layout of the current counts when it beats the best in (price, nodes, pools).</summary>
    private void Offer(CoverState s)
    {
        var key = (s.Price, s.Nodes, s.Pools);
        if (key.CompareTo(best) >= 0)
        {
            return;
        }

        best = key;
        bestCounts = new int[problem.Candidates.Count];
        for (var d = 0; d < tables.Count; d++)
        {
            bestCounts[tables.Order[d]] = counts[d];
        }
    }
}
