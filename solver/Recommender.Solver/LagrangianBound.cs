namespace Recommender.Solver;

/// <summary>
/// The lower bound of <see cref="CoverSearch"/>: a bound on what candidates d.. must add to a state's price. The exact
/// two-row LP bound of the vCPU and memory left (the polygons of <see cref="CoverTables"/>), the share by pairs of
/// vertices; maxNodes by a Lagrangian grid (every node priced μ more, minus μ per node still allowed, valid for any
/// μ ≥ 0); GPUs, the share, minNodes, maxNodes and the spotDiversity share rows together by the root LP's duals
/// (<see cref="RootDuals"/>) folded into the prices; the cheapest price per GPU; the cheapest node for the nodes
/// minNodes still asks. The largest of these, all valid.
/// </summary>
internal sealed class LagrangianBound
{
    /// <summary>Relative slack that keeps floating-point bounds below the exact LP value (see <see cref="LowestPrice"/>).</summary>
    private const double RelativeSlack = 1e-9;

    private readonly NodePoolProblem problem;
    private readonly CoverTables tables;
    private readonly DualPolygon[]? lagrangianDual; // prices with the root duals of the other rows folded in
    private readonly double[] diversityTerm; // per node, what the spotDiversity multipliers add (see RootDuals)

    public LagrangianBound(NodePoolProblem problem, CoverTables tables)
    {
        this.problem = problem;
        this.tables = tables;
        var (count, at) = (tables.Count, tables.At);
        Duals = RootDuals.Solve(problem, at);
        diversityTerm = new double[count];
        if (Duals is { } duals && Enumerable.Range(0, count).All(d => duals.AdjustedPrice(d, at[d]) >= 0))
        {
            lagrangianDual = new DualPolygon[count + 1];
            lagrangianDual[count] = DualPolygon.Unbounded;
            for (var d = count - 1; d >= 0; d--)
            {
                lagrangianDual[d] = lagrangianDual[d + 1].Clip(at[d].CpuMillis, at[d].MemoryMiB, duals.AdjustedPrice(d, at[d]));
                diversityTerm[d] = duals.DiversityTerm(d, at[d]);
            }
        }
    }

    /// <summary>The root LP's duals and solution (null when GLOP found none).</summary>
    public RootDuals? Duals { get; }

    /// <summary>Per node of the candidate at depth d, what the spotDiversity multipliers add (0 without them).</summary>
    public double DiversityTerm(int d) => diversityTerm[d];

    /// <summary>The smallest integer price a bound allows, rounded down past floating-point error.</summary>
    public static long LowestPrice(double bound) =>
        bound >= long.MaxValue / 2 ? long.MaxValue : (long)Math.Ceiling(bound - (Math.Abs(bound) * RelativeSlack) - 1e-6);

    /// <summary>A lower bound on what candidates d.. must add to the price to finish state s (infinity: they cannot).</summary>
    /// <param name="lowMu">First index into the node prices to try (0 is always tried).</param>
    /// <param name="highMu">Last index into the node prices to try.</param>
    /// <returns>The bound and the node price index that gave it (its children try that one and its neighbours).</returns>
    public (double Value, int Mu) Of(int d, in CoverState s, int lowMu, int highMu)
    {
        var cpu = Math.Max(0, s.Cpu);
        var memory = Math.Max(0, s.Memory);
        var onDemandCpu = Math.Max(0, s.OnDemandCpu);
        var onDemandMemory = Math.Max(0, s.OnDemandMemory);
        var (allDual, onDemandDual, nodePrices) = (tables.AllDual, tables.OnDemandDual, tables.NodePrices);
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
            var constant = Duals!.Constant(s.Gpus, s.OnDemandCpu, s.OnDemandMemory, problem.MinNodes - s.Nodes, problem.MaxNodes - s.Nodes);
            bound = Math.Max(bound, lagrangian[d].Max(cpu, memory) + constant + s.DiversityShift);
        }

        if (s.Gpus > 0)
        {
            bound = Math.Max(bound, s.Gpus * tables.CheapestPerGpu[d]);
        }

        var nodes = problem.MinNodes - s.Nodes;
        if (nodes > 0)
        {
            bound = tables.CheapestNode[d] == long.MaxValue ? double.PositiveInfinity : Math.Max(bound, (double)nodes * tables.CheapestNode[d]);
        }

        return (bound, bestMu);

        // The on-demand share enters through the root duals (see RootDuals); without them, through the share pairs.
        double Covering(int m) => m > 0 || (onDemandCpu == 0 && onDemandMemory == 0)
            ? allDual[m][d].Max(cpu, memory)
            : DualPolygon.MaxWithShare(allDual[m][d], onDemandDual[m][d], cpu, memory, onDemandCpu, onDemandMemory);
    }

    /// <summary>The dearer share-aware bound at μ = 0 (once per state; the child loop uses the cheap ones).</summary>
    public double WithShare(int d, in CoverState s) =>
        DualPolygon.MaxWithShare(tables.AllDual[0][d], tables.OnDemandDual[0][d], Math.Max(0, s.Cpu), Math.Max(0, s.Memory), Math.Max(0, s.OnDemandCpu), Math.Max(0, s.OnDemandMemory));
}
