namespace Recommender.Expander.ScaleOut;

/// <summary>
/// A pending pod (or <see cref="Count"/> identical ones) that the change must give a node to. Only the node selector
/// keys <see cref="PodPlacement"/> understands are accepted (architecture, zone, capacity type, instance type).
/// </summary>
/// <param name="Cpu">Requested vCPU of one pod.</param>
/// <param name="MemoryGiB">Requested memory of one pod, GiB.</param>
/// <param name="NodeSelector">Required node labels (key = value); null or empty = none.</param>
/// <param name="Tolerations">
/// Taint keys the pod tolerates; "*" tolerates every taint. They matter only with <see cref="ScaleOutRequest.SpotTaintKey"/>.
/// </param>
public sealed record ScaleOutPod(
    string Name,
    int Count,
    double Cpu,
    double MemoryGiB,
    int Gpus,
    IReadOnlyDictionary<string, string>? NodeSelector = null,
    IReadOnlyList<string>? Tolerations = null);
