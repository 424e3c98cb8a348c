namespace Recommender.Solver.Rules;

/// <summary>
/// Cover: the pools' allocatable vCPU (sustained: burstable types at their baseline share), memory and GPUs each
/// reach the request.
/// </summary>
internal static class CoverRule
{
    public static bool Holds(NodePoolProblem problem, in LayoutTotals t) =>
        t.Cpu >= problem.CpuMillis && t.Memory >= problem.MemoryMiB && t.Gpus >= problem.Gpus;

    /// <summary>Nodes of <paramref name="c"/> alone that cover what is left (<see cref="NodeCover.Never"/>: none do).</summary>
    public static long NodesFor(PoolCandidate c, long cpu, long memory, long gpus) =>
        Math.Max(NodeCover.Of(cpu, c.CpuMillis), Math.Max(NodeCover.Of(memory, c.MemoryMiB), NodeCover.Of(gpus, c.Gpus)));

    public static void AddTo(PoolVariables v)
    {
        v.Model.Add(v.Weighted(c => c.CpuMillis, _ => true) >= v.Problem.CpuMillis);
        v.Model.Add(v.Weighted(c => c.MemoryMiB, _ => true) >= v.Problem.MemoryMiB);
        if (v.Problem.Gpus > 0)
        {
            v.Model.Add(v.Weighted(c => c.Gpus, _ => true) >= v.Problem.Gpus);
        }
    }
}
