namespace Recommender.Expander.ScaleOut;

/// <summary>
/// The extra demand in model units (millicores, MiB, GPUs): what was asked (at least the pending pods' sum), the spare
/// capacity of existing pools that absorbs it first, and the net the change must add.
/// </summary>
public sealed record ScaleOutDemand(
    long RequestedMilliCpu,
    long RequestedMemoryMiB,
    int RequestedGpus,
    long SpareMilliCpu,
    long SpareMemoryMiB,
    int SpareGpus)
{
    public long NetMilliCpu => Math.Max(0, RequestedMilliCpu - SpareMilliCpu);

    public long NetMemoryMiB => Math.Max(0, RequestedMemoryMiB - SpareMemoryMiB);

    public int NetGpus => Math.Max(0, RequestedGpus - SpareGpus);

    public bool IsCoveredBySpare => NetMilliCpu == 0 && NetMemoryMiB == 0 && NetGpus == 0;
}
