namespace Recommender.Solver;

/// <summary>
/// Exact depth-first branch and bound over the node count of each candidate, for the best layout. CP-SAT is a
/// general solver: on these small covering problems (tens of candidates, two or three binding rows) it spent
/// hundreds of milliseconds closing gaps of 0.05 %, mostly on integer rounding. Here every state is bounded by LP
/// duals of what is left to cover, precomputed per depth as small polygons (see <see cref="DualPolygon"/>): one for
/// all candidates and one for on-demand ones per maxNodes price μ, and one with the root LP's other duals priced in
/// (see <see cref="RootDuals"/>), so a state costs some dozens of multiplications and most of the tree is never
/// entered.
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
    /// <summary>Relative slack that keeps floating-point bounds below the exact LP value (see <see cref="LowestPrice"/>).</summary>
    private const double RelativeSlack = 1e-9;

    private readonly NodePoolProblem problem;
    private readonly TimeProvider time;
    private readonly long deadline;
    private readonly int count;
    private readonly int[] order;
    private readonly PoolCandidate[] at;
    private readonly int[] upper;
    private readonly double[] nodePrices;
    private readonly DualPolygon[][] allDual;
    private readonly DualPolygon[][] onDemandDual;
    private readonly RootDuals? rootDuals;
    private readonly DualPolygon[]? lagrangianDual; // prices with the root duals of the other rows folded in
    private readonly double[] diversityTerm; // per node, what the spotDiversity multipliers add (see RootDuals)
    private readonly double[] cheapestPerGpu;
    private readonly long[] cheapestNode;
    private readonly long[] largestCpu;
    private readonly long[] largestMemory;
    private readonly long[] largestGpus;
    private readonly long[] largestOnDemandCpu;
    private readonly long[] largestOnDemandMemory;
    private readonly int[] spotLeft;
    private readonly int[] counts;
    private (long Price, long Nodes, long Pools) best = (long.MaxValue, long.MaxValue, long.MaxValue);
    private int[]? bestCounts;
    private readonly long stateLimit;
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
        var usable = Enumerable.Range(0, problem.Candidates.Count).Where(i => upperBounds[i] > 0).ToArray();
        order = SortByReducedCost(problem, usable);
        count = order.Length;
        at = [.. order.Select(i => problem.Candidates[i])];
        upper = [.. order.Select(i => upperBounds[i])];
        counts = new int[count];
        nodePrices = NodePrices(at);
        allDual = [.. nodePrices.Select(_ => new DualPolygon[count + 1])];
        onDemandDual = [.. nodePrices.Select(_ => new DualPolygon[count + 1])];
        rootDuals = RootDuals.Solve(problem, at);
        diversityTerm = new double[count];
        if (rootDuals is { } duals && Enumerable.Range(0, count).All(d => duals.AdjustedPrice(d, at[d]) >= 0))
        {
            lagrangianDual = new DualPolygon[count + 1];
            lagrangianDual[count] = DualPolygon.Unbounded;
            for (var d = count - 1; d >= 0; d--)
            {
                lagrangianDual[d] = lagrangianDual[d + 1].Clip(at[d].CpuMillis, at[d].MemoryMiB, duals.AdjustedPrice(d, at[d]));
                diversityTerm[d] = duals.DiversityTerm(d, at[d]);
            }
        }

        cheapestPerGpu = new double[count + 1];
        cheapestNode = new long[count + 1];
        largestCpu = new long[count + 1];
        largestMemory = new long[count + 1];
        largestGpus = new long[count + 1];
        largestOnDemandCpu = new long[count + 1];
        largestOnDemandMemory = new long[count + 1];
        spotLeft = new int[count + 1];
        for (var m = 0; m < nodePrices.Length; m++)
        {
            allDual[m][count] = DualPolygon.Unbounded;
            onDemandDual[m][count] = DualPolygon.Unbounded;
        }

        cheapestPerGpu[count] = double.PositiveInfinity;
        cheapestNode[count] = long.MaxValue;
        for (var d = count - 1; d >= 0; d--)
        {
            var c = at[d];
            for (var m = 0; m < nodePrices.Length; m++)
            {
                var price = c.PriceMicros + nodePrices[m];
                allDual[m][d] = allDual[m][d + 1].Clip(c.CpuMillis, c.MemoryMiB, price);
                onDemandDual[m][d] = c.IsSpot ? onDemandDual[m][d + 1] : onDemandDual[m][d + 1].Clip(c.CpuMillis, c.MemoryMiB, price);
            }

            cheapestPerGpu[d] = c.Gpus > 0 ? Math.Min(cheapestPerGpu[d + 1], c.PriceMicros / (double)c.Gpus) : cheapestPerGpu[d + 1];
            cheapestNode[d] = Math.Min(cheapestNode[d + 1], c.PriceMicros);
            largestCpu[d] = Math.Max(largestCpu[d + 1], c.CpuMillis);
            largestMemory[d] = Math.Max(largestMemory[d + 1], c.MemoryMiB);
            largestGpus[d] = Math.Max(largestGpus[d + 1], c.Gpus);
            largestOnDemandCpu[d] = Math.Max(largestOnDemandCpu[d + 1], c.IsSpot ? 0 : c.CpuMillis);
            largestOnDemandMemory[d] = Math.Max(largestOnDemandMemory[d + 1], c.IsSpot ? 0 : c.MemoryMiB);
            spotLeft[d] = spotLeft[d + 1] + (c.IsSpot ? 1 : 0);
        }
    }

    /// <summary>States visited so far.</summary>
    public long Visited => visited;

    /// <summary>The price bound of the root state (the LP relaxation's value, see <see cref="Bound"/>), once solved.</summary>
    public long? RootBoundMicros { get; private set; }

    /// <summary>Optimal or Infeasible when the search ran to the end; Feasible (incumbent) or Unknown when it was cut short.</summary>
    public NodePoolSolution Solve(CancellationToken cancellation)
    {
        ct = cancellation;
        var started = time.GetTimestamp();
        var root = new State(problem.CpuMillis, problem.MemoryMiB, problem.Gpus, problem.OnDemandCpuMillis, problem.OnDemandMemoryMiB, 0, 0, 0, 0, 0, 0, -1);
        if (rootDuals is { } lp)
        {
            SeedByRounding(root, lp.Solution);
        }

        var rootBound = Bound(0, root, 0, nodePrices.Length - 1).Value;
        RootBoundMicros = LowestPrice(rootBound);
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

    /// <param name="bound">s.Price + <see cref="Bound"/>(d, s), computed by the caller.</param>
    private void Search(int d, in State s, double bound)
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

        var covered = s.Cpu <= 0 && s.Memory <= 0 && s.Gpus <= 0 && s.OnDemandCpu <= 0 && s.OnDemandMemory <= 0 && s.Nodes >= problem.MinNodes;
        var diverse = s.SpotCpu == 0 || problem.SpotDiversity < 2
            || (s.SpotTypes >= problem.SpotDiversity && problem.SpotDiversity * s.LargestSpotPool <= s.SpotCpu);
        if (covered && diverse)
        {
            Offer(s);
            return; // every further node costs more
        }

        if (d == count || s.Pools >= problem.MaxPools)
        {
            return;
        }

        if (s.SpotCpu > 0 && problem.SpotDiversity >= 2 && s.SpotTypes + spotLeft[d] < problem.SpotDiversity)
        {
            return;
        }

        // The state's bound over every node price mu picks the mu its children are bounded with (that mu, its
        // neighbours and 0): the best mu moves little from a state to its children, and fewer mu make each bound cheap.
        var state = s;
        var (full, mu) = Bound(d, s, 0, nodePrices.Length - 1);
        if (s.OnDemandCpu > 0 || s.OnDemandMemory > 0)
        {
            // Once per state, the dearer share-aware bound (the child loop uses the cheap ones).
            full = Math.Max(full, DualPolygon.MaxWithShare(allDual[0][d], onDemandDual[0][d], Math.Max(0, s.Cpu), Math.Max(0, s.Memory), Math.Max(0, s.OnDemandCpu), Math.Max(0, s.OnDemandMemory)));
        }

        if (!MayImprove(d, s, Math.Max(bound, s.Price + full)))
        {
            return;
        }

        var window = (Low: Math.Max(0, mu - 1), High: Math.Min(nodePrices.Length - 1, mu + 1));
        var c = at[d];
        var sameSizeBlocked = problem.SameSize && s.Shape >= 0 && s.Shape != c.Shape;
        var most = sameSizeBlocked ? 0 : MostNodes(d, s);
        State Child(long k) => k == 0 ? state : state.Add(c, k, diversityTerm[d]);
        double ChildBound(long k)
        {
            var child = Child(k);
            return child.Price + Bound(d + 1, child, window.Low, window.High).Value;
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
    private long MostNodes(int d, in State s)
    {
        var c = at[d];
        long most = upper[d];
        if (!(c.IsSpot && problem.SpotDiversity >= 2))
        {
            var need = Math.Max(problem.MinNodes - s.Nodes, Math.Max(NodeCover.Of(s.Cpu, c.CpuMillis), Math.Max(NodeCover.Of(s.Memory, c.MemoryMiB), NodeCover.Of(s.Gpus, c.Gpus))));
            if (!c.IsSpot)
            {
                need = Math.Max(need, Math.Max(NodeCover.Of(s.OnDemandCpu, c.CpuMillis), NodeCover.Of(s.OnDemandMemory, c.MemoryMiB)));
            }

            most = Math.Min(most, need);
        }

        most = Math.Min(most, problem.MaxNodes - s.Nodes);
        if (best.Price != long.MaxValue && c.PriceMicros > 0)
        {
            most = Math.Min(most, (best.Price - s.Price) / c.PriceMicros);
        }

        return most;
    }

    private bool MayImprove(int d, in State s, double bound)
    {
        var roomNodes = problem.MaxNodes - s.Nodes;
        var nodesNeeded = Math.Max(
            problem.MinNodes - s.Nodes,
            Math.Max(
                Math.Max(NodeCover.Of(s.Cpu, largestCpu[d]), NodeCover.Of(s.Memory, largestMemory[d])),
                Math.Max(NodeCover.Of(s.Gpus, largestGpus[d]), Math.Max(NodeCover.Of(s.OnDemandCpu, largestOnDemandCpu[d]), NodeCover.Of(s.OnDemandMemory, largestOnDemandMemory[d])))));
        if (nodesNeeded > roomNodes)
        {
            return false;
        }

        if (best.Price == long.MaxValue)
        {
            return !double.IsPositiveInfinity(bound);
        }

        var price = LowestPrice(bound);
        if (price != best.Price)
        {
            return price < best.Price;
        }

        var nodes = s.Nodes + Math.Max(1, nodesNeeded);
        return nodes != best.Nodes ? nodes < best.Nodes : s.Pools + 1 < best.Pools;
    }

    private bool PriceMayImprove(double bound) => best.Price == long.MaxValue ? !double.IsPositiveInfinity(bound) : LowestPrice(bound) <= best.Price;

    /// <summary>The smallest integer price a bound allows, rounded down past floating-point error.</summary>
    private static long LowestPrice(double bound) =>
        bound >= long.MaxValue / 2 ? long.MaxValue : (long)Math.Ceiling(bound - (Math.Abs(bound) * RelativeSlack) - 1e-6);

    /// <summary>A lower bound on what candidates d.. must add to the price to finish state s (infinity: they cannot).</summary>
    /// <param name="lowMu">First index into the node prices to try (0 is always tried).</param>
    /// <param name="highMu">Last index into the node prices to try.</param>
    private (double Value, int Mu) Bound(int d, in State s, int lowMu, int highMu)
    {
        var cpu = Math.Max(0, s.Cpu);
        var memory = Math.Max(0, s.Memory);
        var onDemandCpu = Math.Max(0, s.OnDemandCpu);
        var onDemandMemory = Math.Max(0, s.OnDemandMemory);
        // Lagrangian on maxNodes: with every node priced mu more, the dual bound minus mu per node still allowed is
        // valid for any mu >= 0; mu = 0 is the plain bound, larger ones count when maxNodes forces large nodes.
        var nodesLeft = (double)(problem.MaxNodes - s.Nodes);
        var (bound, bestMu) = (Covering(0), 0);
        for (var m = Math.Max(1, lowMu); m <= highMu; m++)
        {
            var value = Covering(m) - (nodePrices[m] * nodesLeft);
            if (value > bound)
            {
                (bound, bestMu) = (value, m);
            }
        }

        if (lagrangianDual is { } lagrangian)
        {
            var constant = rootDuals!.Constant(s.Gpus, s.OnDemandCpu, s.OnDemandMemory, problem.MinNodes - s.Nodes, problem.MaxNodes - s.Nodes);
            bound = Math.Max(bound, lagrangian[d].Max(cpu, memory) + constant + s.DiversityShift);
        }

        if (s.Gpus > 0)
        {
            bound = Math.Max(bound, s.Gpus * cheapestPerGpu[d]);
        }

        var nodes = problem.MinNodes - s.Nodes;
        if (nodes > 0)
        {
            bound = cheapestNode[d] == long.MaxValue ? double.PositiveInfinity : Math.Max(bound, (double)nodes * cheapestNode[d]);
        }

        return (bound, bestMu);

        // The on-demand share enters through the root duals (see RootDuals); without them, through the share pairs.
        double Covering(int m) => m > 0 || (onDemandCpu == 0 && onDemandMemory == 0)
            ? allDual[m][d].Max(cpu, memory)
            : DualPolygon.MaxWithShare(allDual[m][d], onDemandDual[m][d], cpu, memory, onDemandCpu, onDemandMemory);
    }

    /// <summary>
    /// First layouts from the LP solution, so the search starts with a close upper bound instead of diving for one:
    /// (a) round every LP count up; (b) round down and cover what is left with the candidate that covers it alone
    /// most cheaply; then drop nodes (dearest pools first) while the layout still covers everything. Each is kept
    /// only if it passes every rule of the model.
    /// </summary>
    private void SeedByRounding(State root, IReadOnlyList<double> lp)
    {
        for (var d = 0; d < count; d++)
        {
            counts[d] = (int)Math.Min(upper[d], Math.Ceiling(lp[d] - 1e-9));
        }

        OfferTrimmed(root);
        for (var d = 0; d < count; d++)
        {
            counts[d] = (int)Math.Min(upper[d], Math.Floor(lp[d] + 1e-9));
        }

        var s = Fold(root);
        var (cheapest, nodes) = (-1, 0L);
        for (var d = 0; d < count; d++)
        {
            var need = Math.Max(NodeCover.Of(s.Cpu, at[d].CpuMillis), Math.Max(NodeCover.Of(s.Memory, at[d].MemoryMiB), Math.Max(NodeCover.Of(s.Gpus, at[d].Gpus), problem.MinNodes - s.Nodes)));
            if (!at[d].IsSpot)
            {
                need = Math.Max(need, Math.Max(NodeCover.Of(s.OnDemandCpu, at[d].CpuMillis), NodeCover.Of(s.OnDemandMemory, at[d].MemoryMiB)));
            }
            else if (s.OnDemandCpu > 0 || s.OnDemandMemory > 0)
            {
                continue;
            }

            if (need > 0 && counts[d] + need <= upper[d] && (cheapest < 0 || need * at[d].PriceMicros < nodes * at[cheapest].PriceMicros))
            {
                (cheapest, nodes) = (d, need);
            }
        }

        if (cheapest >= 0)
        {
            counts[cheapest] += (int)nodes;
        }

        OfferTrimmed(root);
        Array.Clear(counts);
    }

    /// <summary>Drops nodes of <see cref="counts"/> (dearest first) while it still covers, then offers it if valid.</summary>
    private void OfferTrimmed(State root)
    {
        foreach (var d in Enumerable.Range(0, count).OrderByDescending(d => at[d].PriceMicros))
        {
            while (counts[d] > 0)
            {
                counts[d]--;
                var trimmed = Fold(root);
                if (!Valid(trimmed with { Nodes = Math.Min(trimmed.Nodes, problem.MaxNodes), Pools = Math.Min(trimmed.Pools, problem.MaxPools) }))
                {
                    counts[d]++;
                    break;
                }
            }
        }

        var s = Fold(root);
        if (Valid(s))
        {
            Offer(s);
        }
    }

    private State Fold(State root)
    {
        var s = root;
        for (var d = 0; d < count; d++)
        {
            if (counts[d] > 0)
            {
                var shape = s.Shape;
                s = s.Add(at[d], counts[d], diversityTerm[d]);
                if (problem.SameSize && shape >= 0 && shape != at[d].Shape)
                {
                    return s with { Nodes = long.MaxValue / 4 }; // mixed sizes: never valid
                }
            }
        }

        return s;
    }

    /// <summary>Every rule of the model for a complete layout.</summary>
    private bool Valid(in State s) =>
        s.Cpu <= 0 && s.Memory <= 0 && s.Gpus <= 0 && s.OnDemandCpu <= 0 && s.OnDemandMemory <= 0
        && s.Nodes >= problem.MinNodes && s.Nodes <= problem.MaxNodes && s.Pools <= problem.MaxPools
        && (s.SpotCpu == 0 || problem.SpotDiversity < 2
            || (s.SpotTypes >= problem.SpotDiversity && problem.SpotDiversity * s.LargestSpotPool <= s.SpotCpu));

    private void Offer(in State s)
    {
        var key = (s.Price, s.Nodes, s.Pools);
        if (key.CompareTo(best) >= 0)
        {
            return;
        }

        best = key;
        bestCounts = new int[problem.Candidates.Count];
        for (var d = 0; d < count; d++)
        {
            bestCounts[order[d]] = counts[d];
        }
    }

    /// <summary>
    /// Depth order: cheapest reduced cost against the root LP dual first (the LP optimum's candidates, then the near
    /// misses), larger nodes first on ties, so the first dive is a good layout and the bound prunes early.
    /// </summary>
    private static int[] SortByReducedCost(NodePoolProblem problem, int[] usable)
    {
        var all = DualPolygon.Unbounded;
        var onDemand = DualPolygon.Unbounded;
        foreach (var i in usable)
        {
            var c = problem.Candidates[i];
            all = all.Clip(c.CpuMillis, c.MemoryMiB, c.PriceMicros);
            onDemand = c.IsSpot ? onDemand : onDemand.Clip(c.CpuMillis, c.MemoryMiB, c.PriceMicros);
        }

        var (spotPart, sharePart) = DualPolygon.ArgMaxWithShare(all, onDemand, problem.CpuMillis, problem.MemoryMiB, problem.OnDemandCpuMillis, problem.OnDemandMemoryMiB);
        double ReducedCost(PoolCandidate c)
        {
            var value = (spotPart.A * c.CpuMillis) + (spotPart.B * c.MemoryMiB);
            if (!c.IsSpot)
            {
                value += (sharePart.A * c.CpuMillis) + (sharePart.B * c.MemoryMiB);
            }

            return (c.PriceMicros - value) / Math.Max(1.0, c.PriceMicros);
        }

        return [.. usable.OrderBy(i => ReducedCost(problem.Candidates[i])).ThenByDescending(i => problem.Candidates[i].CpuMillis).ThenBy(i => i)];
    }

    /// <summary>
    /// The per-node prices mu of the Lagrangian maxNodes bound: 0, then doubling from the cheapest node's price to the
    /// dearest's (the right mu is about the price gap between a small node and the larger ones maxNodes forces).
    /// </summary>
    private static double[] NodePrices(PoolCandidate[] candidates)
    {
        var prices = new List<double> { 0 };
        if (candidates.Length > 0)
        {
            var cheapest = Math.Max(1, candidates.Min(c => c.PriceMicros));
            var dearest = candidates.Max(c => c.PriceMicros);
            for (double mu = cheapest / 4.0; mu <= dearest; mu *= 2)
            {
                prices.Add(mu);
            }
        }

        return [.. prices];
    }


    /// <summary>What is left to cover and what the layout holds so far (counts of candidates before the depth).</summary>
    private readonly record struct State(
        long Cpu,
        long Memory,
        long Gpus,
        long OnDemandCpu,
        long OnDemandMemory,
        long Nodes,
        long Pools,
        long Price,
        long SpotCpu,
        long SpotTypes,
        long LargestSpotPool,
        int Shape,
        double DiversityShift = 0)
    {
        /// <param name="diversityTerm">The candidate's per-node spotDiversity term (see <see cref="RootDuals.DiversityTerm"/>).</param>
        public State Add(PoolCandidate c, long k, double diversityTerm)
        {
            var cpu = c.CpuMillis * k;
            var memory = c.MemoryMiB * k;
            return new State(
                Cpu - cpu,
                Memory - memory,
                Gpus - (c.Gpus * k),
                c.IsSpot ? OnDemandCpu : OnDemandCpu - cpu,
                c.IsSpot ? OnDemandMemory : OnDemandMemory - memory,
                Nodes + k,
                Pools + 1,
                Price + (c.PriceMicros * k),
                c.IsSpot ? SpotCpu + cpu : SpotCpu,
                c.IsSpot ? SpotTypes + 1 : SpotTypes,
                c.IsSpot ? Math.Max(LargestSpotPool, cpu) : LargestSpotPool,
                c.Shape,
                DiversityShift + (diversityTerm * k));
        }
    }
}
