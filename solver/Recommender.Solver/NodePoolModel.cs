using System.Globalization;
using Google.OrTools.Sat;
using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// The CP-SAT model of a <see cref="NodePoolProblem"/>, built in the OR-Tools sample order: variables, constraint
/// families, objective; then solve and extract. One instance per solve. The rules' rows come from the rules themselves
/// (<see cref="LayoutRules.AddTo"/>, one file per rule), the group cuts' from <see cref="GroupCutRows"/>; what is left
/// here is the model's own: node bounds, type usage for alternatives, the objective and CP-SAT's parameters.
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
        var variables = new PoolVariables(model, problem, nodes, used, upperBounds);
        price = variables.Weighted(c => c.PriceMicros, _ => true);

        // One family per rule, each stated in its own file under Rules/.
        LayoutRules.AddTo(variables);
        GroupCutRows.AddTo(variables, conditionalCuts);
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
        var poolsLimited = CountRules.PoolsLimited(problem);
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

    private static string Parameters(SolverOptions options, TimeSpan timeLimit)
    {
        var seconds = Math.Max(0.001, timeLimit.TotalSeconds);
        var workers = Math.Clamp(options.Workers, 1, 2);
        // linearization_level:2 puts the pool on/off constraints (n <= U*used) into the LP: at the default level
        // the bound stayed at its trivial value and 1-worker solves ran into the limit. LP_SEARCH (branch on the LP
        // solution, MIP-style) measured best on the suite (solver/EXPERIMENTS.md).
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{seconds:0.###} num_workers:{workers} random_seed:{options.RandomSeed} linearization_level:2 search_branching:LP_SEARCH");
        return options.ExtraParameters is { Length: > 0 } extra ? $"{text} {extra}" : text;
    }
}
