using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// A state of <see cref="CoverSearch"/>: what is left to cover (vCPU, memory, GPUs, the share's vCPU and memory) and
/// what the layout holds so far (counts of the candidates before the depth).
/// </summary>
/// <param name="Shape">The size of the pools placed (−1: none yet), for sameSize.</param>
/// <param name="DiversityShift">What the placed spot nodes add to the Lagrangian bound (see <see cref="RootDuals.DiversityTerm"/>).</param>
internal readonly record struct CoverState(
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
    /// <summary>Nothing placed yet: everything the request asks is left.</summary>
    public static CoverState Root(NodePoolProblem p) =>
        new(p.CpuMillis, p.MemoryMiB, p.Gpus, p.OnDemandCpuMillis, p.OnDemandMemoryMiB, 0, 0, 0, 0, 0, 0, -1);

    /// <param name="diversityTerm">The candidate's per-node spotDiversity term (see <see cref="RootDuals.DiversityTerm"/>).</param>
    public CoverState Add(PoolCandidate c, long k, double diversityTerm)
    {
        var cpu = c.CpuMillis * k;
        var memory = c.MemoryMiB * k;
        return new CoverState(
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

    /// <summary>Whether the layout placed so far satisfies every rule (sameSize is kept by the search itself).</summary>
    public bool Allowed(NodePoolProblem p) => LayoutRules.Allow(
        p,
        new LayoutTotals(
            p.CpuMillis - Cpu,
            p.MemoryMiB - Memory,
            p.Gpus - Gpus,
            p.OnDemandCpuMillis - OnDemandCpu,
            p.OnDemandMemoryMiB - OnDemandMemory,
            Nodes,
            Pools,
            SpotCpu,
            SpotTypes,
            LargestSpotPool));

    /// <summary>Fewest nodes of <paramref name="c"/> alone that finish the layout (see <see cref="LayoutRules.NodesToFinish"/>).</summary>
    public long NodesToFinish(NodePoolProblem p, PoolCandidate c) =>
        LayoutRules.NodesToFinish(p, c, Cpu, Memory, Gpus, OnDemandCpu, OnDemandMemory, Nodes);
}
