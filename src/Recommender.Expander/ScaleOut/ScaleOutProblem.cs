using Recommender.Core.Catalog;

namespace Recommender.Expander.ScaleOut;

/// <summary>A validated scale-out in model units: the options, the demand net of spare capacity, and the pods.</summary>
/// <param name="ClusterRoom">Nodes the cluster may still add (ACK's node limit minus the nodes it has).</param>
public sealed record ScaleOutProblem(
    ScaleOutRequest Request,
    RegionCatalog Catalog,
    IReadOnlyList<ScaleOutOption> Options,
    IReadOnlyList<PodClass> Pods,
    ScaleOutDemand Demand,
    PodRule PodRule,
    int ClusterRoom)
{
    /// <summary>Pods (counted one by one) up to which the pods are packed exactly; beyond, the largest-pod rule.</summary>
    public const int ExactPodLimit = 100;

    /// <summary>Kubernetes' default kubelet maxPods: a node takes at most this many pods.</summary>
    public const int MaxPodsPerNode = 110;

    public int TotalPods => Pods.Sum(p => p.Count);
}
