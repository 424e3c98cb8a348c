using Glop = Google.OrTools.LinearSolver;

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

        // Minimisation: a binding lower bound has a dual >= 0, a binding upper bound (maxNodes) one <= 0.
        var nodeDual = nodes.DualValue();
        (double Gpus, double OnDemandCpu, double OnDemandMemory, double MinNodes, double MaxNodes) duals = (
            Math.Max(0, gpus.DualValue()),
            Math.Max(0, onDemandCpu.DualValue()),
            Math.Max(0, onDemandMemory.DualValue()),
            Math.Max(0, nodeDual),
            Math.Max(0, -nodeDual));
        var solution = x.Select(v => v.SolutionValue()).ToArray();
        if (problem.SpotDiversity >= 2 && candidates.Any(c => c.IsSpot))
        {
            // The first layout should already spread spot: re-solve with the share rows (S = spot vCPU,
            // D·cpu_j·x_j <= S). Only the solution is taken; the duals above stay those of the plain relaxation.
            var spotCpu = solver.MakeNumVar(0, double.PositiveInfinity, "spotCpu");
            var total = Row(c => c.IsSpot ? c.CpuMillis : 0, 0, 0);
            total.SetCoefficient(spotCpu, -1);
            for (var i = 0; i < x.Length; i++)
            {
                if (candidates[i].IsSpot)
                {
                    var share = solver.MakeConstraint(double.NegativeInfinity, 0);
                    share.SetCoefficient(x[i], problem.SpotDiversity * (double)candidates[i].CpuMillis);
                    share.SetCoefficient(spotCpu, -1);
                }
            }

            if (solver.Solve() == Glop.Solver.ResultStatus.OPTIMAL)
            {
                solution = [.. x.Select(v => v.SolutionValue())];
            }
        }

        return new RootDuals(
            duals.Gpus,
            duals.OnDemandCpu,
            duals.OnDemandMemory,
            duals.MinNodes,
            duals.MaxNodes,
            solution);
    }

    /// <summary>A candidate's price with the relaxed rows priced in.</summary>
    public double AdjustedPrice(PoolCandidate c) =>
        c.PriceMicros - (Gpus * c.Gpus) - (c.IsSpot ? 0 : (OnDemandCpu * c.CpuMillis) + (OnDemandMemory * c.MemoryMiB)) - MinNodes + MaxNodes;

    /// <summary>What the relaxed rows add to the bound for what is left (each row clamped at 0, maxNodes as the room left).</summary>
    public double Constant(long gpus, long onDemandCpu, long onDemandMemory, long nodesBelowMin, long nodesLeft) =>
        (Gpus * Math.Max(0, gpus)) + (OnDemandCpu * Math.Max(0, onDemandCpu)) + (OnDemandMemory * Math.Max(0, onDemandMemory))
        + (MinNodes * Math.Max(0, nodesBelowMin)) - (MaxNodes * nodesLeft);
}
