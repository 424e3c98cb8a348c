using Recommender.Core.Recommendations;

namespace Recommender.Expander.ScaleOut;

/// <summary>One node pool the cluster runs today.</summary>
/// <param name="Name">The pool's name, echoed in the change; defaults to its position when empty.</param>
/// <param name="Zones">Zones its nodes are spread over; empty = every zone the request allows (unknown).</param>
/// <param name="CanGrow">Whether the change may add nodes to it.</param>
/// <param name="MaxSize">Most nodes it may have (its autoscaling maximum); null = no limit beyond the cluster's.</param>
/// <param name="UsedCpu">vCPU requested by the pods running on it now; null = unknown (the pool counts as full).</param>
/// <param name="UsedMemoryGiB">Memory requested by its pods now, GiB; null = unknown (full).</param>
/// <param name="UsedGpus">GPUs requested by its pods now; null = unknown (full).</param>
public sealed record ExistingPool(
    string Name,
    string InstanceType,
    CapacityType CapacityType,
    int NodeCount,
    IReadOnlyList<string> Zones,
    bool CanGrow,
    int? MaxSize,
    double? UsedCpu = null,
    double? UsedMemoryGiB = null,
    int? UsedGpus = null)
{
    /// <summary>Whether the caller stated what the pool's pods use (any of the three figures).</summary>
    public bool StatesUsage => UsedCpu is not null || UsedMemoryGiB is not null || UsedGpus is not null;
}
