namespace Recommender.Solver.Rules;

/// <summary>
/// On-demand share: the on-demand pools alone provide ⌈onDemandPct % ⌉ of the requested vCPU and of the requested
/// memory (spot provides none of it).
/// </summary>
internal static class OnDemandShareRule
{
    /// <summary>The part of <paramref name="demand"/> the on-demand pools must provide, rounded up.</summary>
    public static long Required(long demand, int onDemandPct) => ((demand * onDemandPct) + 99) / 100;

    /// <summary>The share asks for something (then a layout needs an on-demand pool).</summary>
    public static bool Binds(NodePoolProblem problem) => problem.OnDemandCpuMillis > 0 || problem.OnDemandMemoryMiB > 0;

    public static bool Holds(NodePoolProblem problem, in LayoutTotals t) =>
        t.OnDemandCpu >= problem.OnDemandCpuMillis && t.OnDemandMemory >= problem.OnDemandMemoryMiB;

    /// <summary>Nodes of <paramref name="c"/> alone that provide what is left of the share (0 for spot: it cannot).</summary>
    public static long NodesFor(PoolCandidate c, long onDemandCpu, long onDemandMemory) =>
        c.IsSpot ? 0 : Math.Max(NodeCover.Of(onDemandCpu, c.CpuMillis), NodeCover.Of(onDemandMemory, c.MemoryMiB));

    public static void AddTo(PoolVariables v)
    {
        if (v.Problem.OnDemandCpuMillis > 0)
        {
            v.Model.Add(v.Weighted(c => c.CpuMillis, c => !c.IsSpot) >= v.Problem.OnDemandCpuMillis);
        }

        if (v.Problem.OnDemandMemoryMiB > 0)
        {
            v.Model.Add(v.Weighted(c => c.MemoryMiB, c => !c.IsSpot) >= v.Problem.OnDemandMemoryMiB);
        }
    }
}
