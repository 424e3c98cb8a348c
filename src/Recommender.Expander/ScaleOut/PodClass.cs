namespace Recommender.Expander.ScaleOut;

/// <summary>Identical pending pods (same requests and placement), in model units.</summary>
/// <param name="Names">Names of the request's pods in this class, for messages.</param>
public sealed record PodClass(string Names, int Count, long MilliCpu, long MemoryMiB, int Gpus, PodPlacement Placement);
