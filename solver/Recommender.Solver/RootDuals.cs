using Glop = Google.OrTools.LinearSolver;
using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// Optimal LP duals of the rows <see cref="CoverSearch"/> does not keep in its vCPU/memory polygons (GPUs, on-demand
/// share, minNodes, maxNodes), from one GLOP solve of the whole problem's relaxation (x ≥ 0, no node bounds). As
/// Lagrange multipliers they fold those rows into the candidates' prices: p' = p − y·(relaxed rows), which stays
/// ≥ 0 because the LP's reduced costs are ≥ 0 (checked; otherwise no multipliers are used). At the root this bound is
/// the LP value; deeper it is still valid for any multipliers ≥ 0, and cheap.
/// </summary>
/// <param name="Solution">
/// The LP's node counts per candidate (fractional; with spotDiversity ≥ 2, of the LP with the share rows too), a
/// starting point for a first layout.
/// </param>
internal sealed record RootDuals(double Gpus, double OnDemandCpu, double OnDemandMemory, double MinNodes, double MaxNodes, IReadOnlyList<double> Solution)
{
    public static RootDuals? Solve(NodePoolProblem problem, IReadOnlyList<PoolCandidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        using var solver = Glop.Solver.CreateSolver("GLOP");
        if (solver is null)
        {
            return null;
        }

        var x = candidates.Select((_, i) => solver.MakeNumVar(0, double.PositiveInfinity, $"x{i}")).ToArray();
        Glop.Constraint Row(Func<PoolCandidate, double> coefficient, double lower, double upper)
        {
            var row = solver.MakeConstraint(lower, upper);
            for (var i = 0; i < x.Length; i++)
            {
                row.SetCoefficient(x[i], coefficient(candidates[i]));
            }

            return row;
        }

        Row(c => c.CpuMillis, problem.CpuMillis, double.PositiveInfinity);
        Row(c => c.MemoryMiB, problem.MemoryMiB, double.PositiveInfinity);
        var gpus = Row(c => c.Gpus, problem.Gpus, double.PositiveInfinity);
        var onDemandCpu = Row(c => c.IsSpot ? 0 : c.CpuMillis, problem.OnDemandCpuMillis, double.PositiveInfinity);
        var onDemandMemory = Row(c => c.IsSpot ? 0 : c.MemoryMiB, problem.OnDemandMemoryMiB, double.PositiveInfinity);
        var nodes = Row(_ => 1, problem.MinNodes, problem.MaxNodes);
        var objective = solver.Objective();
        for (var i = 0; i < x.Length; i++)
        {
            objective.SetCoefficient(x[i], candidates[i].PriceMicros);
        }

        objective.SetMinimization();
        if (solver.Solve() != Glop.Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        var duals = Duals(gpus, onDemandCpu, onDemandMemory, nodes);
        var solution = x.Select(v => v.SolutionValue()).ToArray();
        var spotShare = new double[x.Length];
        if (SpotDiversityRule.Binds(problem.SpotDiversity) && candidates.Any(c => c.IsSpot))
        {
            // With the share rows (S = spot vCPU, D·cpu_j·x_j <= S) the LP already spreads spot, so its solution is a
            // better first layout, and its duals (all taken from this one solve, so they fit together) fold the share
            // rows into the prices too: without them the bound of a spotDiversity request was 5-36 % below the
            // optimum (solver-suite --trace).
            var spotCpu = solver.MakeNumVar(0, double.PositiveInfinity, "spotCpu");
            var total = Row(c => c.IsSpot ? c.CpuMillis : 0, 0, 0);
            total.SetCoefficient(spotCpu, -1);
            var shares = new Glop.Constraint?[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                if (candidates[i].IsSpot)
                {
                    shares[i] = solver.MakeConstraint(double.NegativeInfinity, 0);
                    shares[i]!.SetCoefficient(x[i], SpotDiversityRule.ShareWeight(problem.SpotDiversity, candidates[i]));
                    shares[i]!.SetCoefficient(spotCpu, -1);
                }
            }

            if (solver.Solve() == Glop.Solver.ResultStatus.OPTIMAL)
            {
                solution = [.. x.Select(v => v.SolutionValue())];
                duals = Duals(gpus, onDemandCpu, onDemandMemory, nodes);
                for (var i = 0; i < x.Length; i++)
                {
                    // A binding "<= 0" row has a dual <= 0; its multiplier is the opposite.
                    spotShare[i] = shares[i] is { } share ? Math.Max(0, -share.DualValue()) : 0;
                }
            }
        }

        return new RootDuals(
            duals.Gpus,
            duals.OnDemandCpu,
            duals.OnDemandMemory,
            duals.MinNodes,
            duals.MaxNodes,
            solution)
        {
            SpotDiversity = problem.SpotDiversity,
            SpotShare = spotShare,
            SpotShareTotal = spotShare.Sum(),
        };
    }

    /// <summary>Multipliers of the share rows (one per candidate, 0 for on-demand), see <see cref="DiversityTerm"/>.</summary>
    public IReadOnlyList<double> SpotShare { get; private init; } = [];

    /// <summary>Sum of <see cref="SpotShare"/>.</summary>
    public double SpotShareTotal { get; private init; }

    public int SpotDiversity { get; private init; }

    /// <summary>
    /// What the spotDiversity rows add to candidate i's price per node: with multipliers λ ≥ 0 on
    /// D·cpu_j·x_j − Σ_spot cpu_k·x_k ≤ 0, the Lagrangian adds cpu_i·(D·λ_i − Σλ) per spot node. Valid for any λ ≥ 0,
    /// so at every depth; nodes already placed carry their term in the search state.
    /// </summary>
    public double DiversityTerm(int i, PoolCandidate c) =>
        c.IsSpot && SpotShare.Count > 0 ? c.CpuMillis * ((SpotDiversity * SpotShare[i]) - SpotShareTotal) : 0;

    /// <summary>Candidate i's price with the relaxed rows priced in.</summary>
    public double AdjustedPrice(int i, PoolCandidate c) =>
        c.PriceMicros - (Gpus * c.Gpus) - (c.IsSpot ? 0 : (OnDemandCpu * c.CpuMillis) + (OnDemandMemory * c.MemoryMiB)) - MinNodes + MaxNodes
        + DiversityTerm(i, c);

    // Minimisation: a binding lower bound has a dual >= 0, a binding upper bound (maxNodes) one <= 0.
    private static (double Gpus, double OnDemandCpu, double OnDemandMemory, double MinNodes, double MaxNodes) Duals(
        Glop.Constraint gpus, Glop.Constraint onDemandCpu, Glop.Constraint onDemandMemory, Glop.Constraint nodes)
    {
        var nodeDual = nodes.DualValue();
        return (
            Math.Max(0, gpus.DualValue()),
            Math.Max(0, onDemandCpu.DualValue()),
            Math.Max(0, onDemandMemory.DualValue()),
            Math.Max(0, nodeDual),
            Math.Max(0, -nodeDual));
    }

    /// <summary>What the relaxed rows add to the bound for what is left (each row clamped at 0, maxNodes as the room left).</summary>
    public double Constant(long gpus, long onDemandCpu, long onDemandMemory, long nodesBelowMin, long nodesLeft) =>
        (Gpus * Math.Max(0, gpus)) + (OnDemandCpu * Math.Max(0, onDemandCpu)) + (OnDemandMemory * Math.Max(0, onDemandMemory))
        + (MinNodes * Math.Max(0, nodesBelowMin)) - (MaxNodes * nodesLeft);
}
