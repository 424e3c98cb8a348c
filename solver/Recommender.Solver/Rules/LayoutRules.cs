using Recommender.Core.Recommendations;

namespace Recommender.Solver.Rules;

/// <summary>
/// The rules of a layout, stated once; every engine asks here instead of re-coding them. Per instance type
/// (includes, excludes, categories, burst, generation, GPU model, largestPod, zones' stock and spot prices):
/// <see cref="CandidateFilter"/>, applied before any engine sees a candidate. Per layout, one file each, with the
/// check the hand-written searches call and the rows CP-SAT gets: <see cref="CoverRule"/>,
/// <see cref="OnDemandShareRule"/>, <see cref="CountRules"/> (minNodes, maxNodes, maxPools),
/// <see cref="SpotDiversityRule"/> and <see cref="SameSizeRule"/>. <see cref="LayoutChecker"/> states them again on
/// purpose, from the catalog alone: it is the independent oracle.
/// </summary>
internal static class LayoutRules
{
    /// <summary>Every rule but sameSize (the searches keep one size by construction, see <see cref="SameSizeRule"/>).</summary>
    public static bool Allow(NodePoolProblem problem, in LayoutTotals t) =>
        CoverRule.Holds(problem, t) && OnDemandShareRule.Holds(problem, t) && CountRules.Holds(problem, t)
        && SpotDiversityRule.Holds(problem.SpotDiversity, t);

    /// <summary>The CP-SAT rows of every rule, in the model's row order (CP-SAT's search depends on it).</summary>
    public static void AddTo(PoolVariables v)
    {
        CoverRule.AddTo(v);
        v.LinkPools();
        CountRules.AddNodesTo(v);
        OnDemandShareRule.AddTo(v);
        CountRules.AddPoolsTo(v);
        SpotDiversityRule.AddTo(v);
        SameSizeRule.AddTo(v);
    }

    /// <summary>
    /// Fewest nodes of <paramref name="c"/> alone that finish a layout from what is left (vCPU, memory, GPUs and the
    /// share's vCPU and memory still missing, nodes placed): cover, the share (on-demand only) and minNodes.
    /// </summary>
    public static long NodesToFinish(NodePoolProblem problem, PoolCandidate c, long cpu, long memory, long gpus, long onDemandCpu, long onDemandMemory, long nodes) =>
        Math.Max(problem.MinNodes - nodes, Math.Max(CoverRule.NodesFor(c, cpu, memory, gpus), OnDemandShareRule.NodesFor(c, onDemandCpu, onDemandMemory)));

    /// <summary>
    /// Whether nodes of b may stand in for nodes of a as far as capacity types go: with spotDiversity ≥ 2 only
    /// on-demand for on-demand (spot shares would move); otherwise the same type, on-demand for spot (more on-demand
    /// capacity only helps the share), or anything when there is no share.
    /// </summary>
    public static bool MayReplace(PoolCandidate b, PoolCandidate a, int spotDiversity, int onDemandPct)
    {
        if (SpotDiversityRule.Binds(spotDiversity))
        {
            return a.CapacityType == CapacityType.OnDemand && b.CapacityType == CapacityType.OnDemand;
        }

        return a.CapacityType == b.CapacityType || b.CapacityType == CapacityType.OnDemand || onDemandPct == 0;
    }
}
