using System.Globalization;
using Google.OrTools.Sat;

namespace Recommender.Solver;

/// <summary>
/// The CP-SAT model of a <see cref="NodePoolProblem"/>, built in the OR-Tools sample order: variables, one method
/// per constraint family, objective; then solve and extract. One instance per solve.
/// </summary>
internal sealed class NodePoolModel
{
    private readonly NodePoolProblem problem;
    private readonly ObjectiveWeights weights;
    private readonly CpModel model = new();
    private readonly IntVar[] nodes;
    private readonly BoolVar[] used;
    private readonly int[] upperBounds;
    private readonly LinearExpr price;
    private BoolVar[]? typeUsed;

    /// <param name="fixedPriceMicros">When set, the layout must cost exactly this (second stage of a two-solve tie-break).</param>
    /// <param name="trackTypes">Create the per-type usage booleans that <see cref="ExcludeTypeSet"/> cuts on.</param>
    /// <param name="priceCapMicros">
    /// Price of a known valid layout. The best layout costs at most this, so each of its pools holds at most
    /// cap / unit price nodes: exact for the best layout (ties included), not for alternatives (they may cost more).
    /// </param>
    /// <param name="groupCuts">Cuts that hold for the best layout only (see <see cref="GroupDominance"/>); null for alternatives.</param>
    public NodePoolModel(NodePoolProblem problem, ObjectiveWeights weights, long? fixedPriceMicros = null, bool trackTypes = false, long? priceCapMicros = null, IReadOnlyList<GroupCut>? groupCuts = null)
    {
        this.problem = problem;
        this.weights = weights;
        var count = problem.Candidates.Count;
        nodes = new IntVar[count];
        used = new BoolVar[count];
        (upperBounds, var conditionalCuts) = Bounds(problem, priceCapMicros, groupCuts ?? []);

        // Only the variable bounds use the cap: an explicit price <= cap row, parallel to the objective, measured slower.
        CreateVariables();
        price = Weighted(c => c.PriceMicros, _ => true);

        AddDemandCoverage();
        AddPoolActivation();
        AddNodeCountBounds();
        AddOnDemandShare();
        AddMaxPools();
        AddSpotDiversity();
        AddSameSize();
        AddGroupCuts(conditionalCuts);
        if (trackTypes)
        {
            AddTypeUsage();
        }

        if (fixedPriceMicros is { } fixedPrice)
        {
            model.Add(price == fixedPrice);
        }

        SetObjective();
    }

    /// <summary>No-good cut: the next layout must use a different set of instance types than <paramref name="types"/>.</summary>
    public void ExcludeTypeSet(IReadOnlySet<int> types)
    {
        var usage = typeUsed ?? throw new InvalidOperationException("Build the model with trackTypes to cut on type sets.");
        var differs = LinearExpr.NewBuilder();
        for (var t = 0; t < usage.Length; t++)
        {
            differs.Add(types.Contains(t) ? LinearExpr.Affine(usage[t], -1, 1) : usage[t]);
        }

        model.Add(differs >= 1);
    }

    /// <summary>Suggest a layout as CP-SAT's starting point.</summary>
    public void AddHint(IReadOnlyList<int> counts)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            model.AddHint(nodes[i], counts[i]);
            model.AddHint(used[i], counts[i] > 0);
        }
    }

    public NodePoolSolution Solve(SolverOptions options, TimeSpan timeLimit, CancellationToken ct)
    {
        using var solver = new CpSolver { StringParameters = Parameters(options, timeLimit) };
        using var stop = ct.Register(solver.StopSearch);
        using var callback = options.Trace is { } trace ? new TraceCallback(trace, weights, problem.PriceUnit) : null;
        var status = StatusOf(solver.Solve(model, callback));
        var wall = TimeSpan.FromSeconds(solver.WallTime());
        var solution = status is SolveStatus.Optimal or SolveStatus.Feasible
            ? Extract(solver, status, wall)
            : new NodePoolSolution(status, null, 0, null, wall);
        options.Trace?.Invoke(new SolverTraceEvent(
            SolverStage.CpSat,
            wall,
            solution.HasLayout ? solution.PriceMicros : null,
            solution.PriceBoundMicros,
            0,
            status is SolveStatus.Optimal or SolveStatus.Infeasible));
        return solution;
    }

    /// <summary>The one place OR-Tools' status becomes ours.</summary>
    private static SolveStatus StatusOf(CpSolverStatus status) => status switch
    {
        CpSolverStatus.Optimal => SolveStatus.Optimal,
        CpSolverStatus.Feasible => SolveStatus.Feasible,
        CpSolverStatus.Infeasible => SolveStatus.Infeasible,
        CpSolverStatus.ModelInvalid => SolveStatus.ModelInvalid,
        _ => SolveStatus.Unknown,
    };

    private NodePoolSolution Extract(CpSolver solver, SolveStatus status, TimeSpan wall)
    {
        var counts = nodes.Select(n => (int)solver.Value(n)).ToArray();
        var priceMicros = problem.Candidates.Select((c, i) => c.PriceMicros * counts[i]).Sum();
        var bound = weights.PriceMicrosOf(solver.BestObjectiveBound, problem.PriceUnit);
        return new NodePoolSolution(status, counts, priceMicros, bound, wall);
    }

    private void CreateVariables()
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            var name = problem.Candidates[i].ToString();
            nodes[i] = model.NewIntVar(0, upperBounds[i], $"nodes[{name}]");
            used[i] = model.NewBoolVar($"used[{name}]");
        }
    }

    // Allocatable vCPU (sustained: burstable types at their baseline share), memory and GPUs of all pools cover the request.
    private void AddDemandCoverage()
    {
        model.Add(Weighted(c => c.CpuMillis, _ => true) >= problem.CpuMillis);
        model.Add(Weighted(c => c.MemoryMiB, _ => true) >= problem.MemoryMiB);
        if (problem.Gpus > 0)
        {
            model.Add(Weighted(c => c.Gpus, _ => true) >= problem.Gpus);
        }
    }

    // A pool is used exactly when it has at least one node.
    private void AddPoolActivation()
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            model.Add(nodes[i] <= LinearExpr.Term(used[i], upperBounds[i]));
            model.Add(nodes[i] >= used[i]);
        }
    }

    // minNodes <= total nodes <= maxNodes.
    private void AddNodeCountBounds() =>
        model.AddLinearConstraint(LinearExpr.Sum(nodes), problem.MinNodes, problem.MaxNodes);

    // On-demand pools alone provide onDemandPct% of the requested vCPU and of the requested memory.
    private void AddOnDemandShare()
    {
        if (problem.OnDemandCpuMillis > 0)
        {
            model.Add(Weighted(c => c.CpuMillis, c => !c.IsSpot) >= problem.OnDemandCpuMillis);
        }

        if (problem.OnDemandMemoryMiB > 0)
        {
            model.Add(Weighted(c => c.MemoryMiB, c => !c.IsSpot) >= problem.OnDemandMemoryMiB);
        }
    }

    // At most maxPools pools.
    private void AddMaxPools()
    {
        if (problem.MaxPools < nodes.Length)
        {
            model.Add(LinearExpr.Sum(used) <= problem.MaxPools);
        }
    }

    // Spot capacity, when used, spans >= D spot types and no spot type carries more than 1/D of the spot vCPU.
    private void AddSpotDiversity()
    {
        var d = problem.SpotDiversity;
        var spot = Enumerable.Range(0, nodes.Length).Where(i => problem.Candidates[i].IsSpot).ToArray();
        if (d < 2 || spot.Length == 0)
        {
            return;
        }

        var spotCpuMax = spot.Sum(i => problem.Candidates[i].CpuMillis * upperBounds[i]);
        var spotCpu = model.NewIntVar(0, spotCpuMax, "spotCpu");
        model.Add(spotCpu == Weighted(c => c.CpuMillis, c => c.IsSpot));
        var anySpot = model.NewBoolVar("anySpot");
        foreach (var i in spot)
        {
            model.Add(LinearExpr.Term(nodes[i], d * problem.Candidates[i].CpuMillis) <= spotCpu);
            model.AddImplication(used[i], anySpot);
        }

        // Implied by the share rule; stated so propagation sees it at once.
        model.Add(LinearExpr.Sum(spot.Select(i => used[i])) >= LinearExpr.Term(anySpot, d));
    }

    // sameSize: every used pool has the one chosen (vCPU, memory) size.
    private void AddSameSize()
    {
        if (!problem.SameSize || problem.ShapeCount < 2)
        {
            return;
        }

        var shape = new BoolVar[problem.ShapeCount];
        for (var s = 0; s < shape.Length; s++)
        {
            shape[s] = model.NewBoolVar($"shape[{s}]");
        }

        model.AddAtMostOne(shape);
        for (var i = 0; i < nodes.Length; i++)
        {
            model.AddImplication(used[i], shape[problem.Candidates[i].Shape]);
        }
    }

    /// <summary>
    /// Node bounds of the model: the problem's, capped by a known price (cap / unit price nodes) and by the group cuts
    /// that hold unconditionally; returns the cuts that need enforcement literals.
    /// </summary>
    public static (int[] Bounds, List<GroupCut> Conditional) Bounds(NodePoolProblem problem, long? priceCapMicros, IReadOnlyList<GroupCut> cuts)
    {
        int[] bounds = [.. problem.UpperBounds];
        if (priceCapMicros is { } cap)
        {
            for (var i = 0; i < bounds.Length; i++)
            {
                var unitPrice = problem.Candidates[i].PriceMicros;
                bounds[i] = unitPrice <= 0 ? bounds[i] : (int)Math.Min(bounds[i], cap / unitPrice);
            }
        }

        var conditional = new List<GroupCut>();
        var poolsLimited = problem.MaxPools < bounds.Length;
        foreach (var cut in cuts)
        {
            if (!poolsLimited && cut.ReplacingNodes >= problem.MinNodes)
            {
                bounds[cut.Candidate] = Math.Min(bounds[cut.Candidate], cut.ReplacedNodes - 1);
            }
            else
            {
                conditional.Add(cut);
            }
        }

        return (bounds, conditional);
    }

    // A best layout holds at most k - 1 nodes of a when j nodes of b replace k of a, unless the swap would break
    // minNodes (too few nodes left) or maxPools (b's pool is new and no pool is left).
    private void AddGroupCuts(List<GroupCut> cuts)
    {
        if (cuts.Count == 0)
        {
            return;
        }

        BoolVar? poolLeft = null;
        if (problem.MaxPools < nodes.Length)
        {
            poolLeft = model.NewBoolVar("poolLeft");
            model.Add(LinearExpr.Sum(used) >= problem.MaxPools).OnlyEnforceIf(poolLeft.Not());
        }

        var enoughNodes = new Dictionary<int, BoolVar>();
        foreach (var cut in cuts)
        {
            var literals = new List<ILiteral>();
            var nodesAfterSwap = cut.ReplacedNodes - cut.ReplacingNodes;
            if (cut.ReplacingNodes < problem.MinNodes)
            {
                if (!enoughNodes.TryGetValue(nodesAfterSwap, out var enough))
                {
                    // enough is true whenever total nodes >= minNodes + k - j (the swap keeps minNodes).
                    enough = enoughNodes[nodesAfterSwap] = model.NewBoolVar($"nodesAtLeast[{problem.MinNodes + nodesAfterSwap}]");
                    model.Add(LinearExpr.Sum(nodes) <= problem.MinNodes + nodesAfterSwap - 1).OnlyEnforceIf(enough.Not());
                }

                literals.Add(enough);
            }

            if (poolLeft is null)
            {
                model.Add(nodes[cut.Candidate] <= cut.ReplacedNodes - 1).OnlyEnforceIf([.. literals]);
                continue;
            }

            model.Add(nodes[cut.Candidate] <= cut.ReplacedNodes - 1).OnlyEnforceIf([.. literals, used[cut.Replacement]]);
            model.Add(nodes[cut.Candidate] <= cut.ReplacedNodes - 1).OnlyEnforceIf([.. literals, poolLeft]);
        }
    }

    // typeUsed[t] is true exactly when some pool (on-demand or spot) of instance type t is used.
    private void AddTypeUsage()
    {
        typeUsed = new BoolVar[problem.TypeNames.Count];
        var pools = new List<BoolVar>[typeUsed.Length];
        for (var t = 0; t < typeUsed.Length; t++)
        {
            typeUsed[t] = model.NewBoolVar($"typeUsed[{problem.TypeNames[t]}]");
            pools[t] = [];
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            var t = problem.Candidates[i].TypeIndex;
            model.AddImplication(used[i], typeUsed[t]);
            pools[t].Add(used[i]);
        }

        for (var t = 0; t < typeUsed.Length; t++)
        {
            model.Add(LinearExpr.Sum(pools[t]) >= typeUsed[t]);
        }
    }

    // Cheapest, then fewest nodes, then fewest pools (see ObjectiveWeights for why the weights make it exact).
    private void SetObjective()
    {
        var objective = LinearExpr.NewBuilder();
        for (var i = 0; i < nodes.Length; i++)
        {
            objective.AddTerm(nodes[i], (weights.Price * (problem.Candidates[i].PriceMicros / problem.PriceUnit)) + weights.Nodes);
            if (weights.Pools != 0)
            {
                objective.AddTerm(used[i], weights.Pools);
            }
        }

        model.Minimize(objective);
    }

    private LinearExpr Weighted(Func<PoolCandidate, long> coefficient, Func<PoolCandidate, bool> include)
    {
        var sum = LinearExpr.NewBuilder();
        for (var i = 0; i < nodes.Length; i++)
        {
            var c = problem.Candidates[i];
            if (include(c) && coefficient(c) != 0)
            {
                sum.AddTerm(nodes[i], coefficient(c));
            }
        }

        return sum;
    }

    private static string Parameters(SolverOptions options, TimeSpan timeLimit)
    {
        var seconds = Math.Max(0.001, timeLimit.TotalSeconds);
        var workers = Math.Clamp(options.Workers, 1, 2);
        // linearization_level:2 puts the pool on/off constraints (n <= U*used) into the LP: at the default level
        // the bound stayed at its trivial value and 1-worker solves ran into the limit.
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{seconds:0.###} num_workers:{workers} random_seed:{options.RandomSeed} linearization_level:2 search_branching:{options.SearchBranching}");
        if (options.RelativeGapLimit > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" relative_gap_limit:{options.RelativeGapLimit:R}");
        }

        return options.ExtraParameters is { Length: > 0 } extra ? $"{text} {extra}" : text;
    }
}
