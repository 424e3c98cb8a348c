namespace Recommender.Expander.ScaleOut;

/// <summary>
/// Packs pods onto nodes of one option, first-fit decreasing (by vCPU, then memory) over vCPU, memory, GPUs and pod
/// slots: how many nodes the pods need. The check behind <see cref="PodRule.Packed"/>.
/// </summary>
public static class FirstFitDecreasing
{
    /// <summary>Nodes needed for <paramref name="pods"/> (class, how many of it); null when some pod fits no empty node.</summary>
    public static int? NodesNeeded(IEnumerable<(PodClass Pod, long Count)> pods, ScaleOutOption option)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(option);
        var order = pods.Where(p => p.Count > 0).OrderByDescending(p => p.Pod.MilliCpu).ThenByDescending(p => p.Pod.MemoryMiB).ToList();
        var free = new List<long[]>();
        foreach (var (pod, count) in order)
        {
            if (!ScaleOutModel.Fits(pod, option))
            {
                return null;
            }

            var first = 0;
            for (var k = 0; k < count; k++)
            {
                // Identical pods never fit an earlier node than the previous one did, so the search resumes there.
                while (first < free.Count && !Fits(pod, free[first]))
                {
                    first++;
                }

                if (first == free.Count)
                {
                    free.Add([option.MilliCpu, option.MemoryMiB, option.Gpus, ScaleOut.ScaleOutProblem.MaxPodsPerNode]);
                }

                var node = free[first];
                node[0] -= pod.MilliCpu;
                node[1] -= pod.MemoryMiB;
                node[2] -= pod.Gpus;
                node[3]--;
            }
        }

        return free.Count;
    }

    private static bool Fits(PodClass pod, long[] free) =>
        pod.MilliCpu <= free[0] && pod.MemoryMiB <= free[1] && pod.Gpus <= free[2] && free[3] >= 1;
}
