namespace Recommender.Alibaba.Cs;

/// <summary>ScaleClusterNodePool body: <see cref="Count"/> nodes to add (at most 500 per call).</summary>
internal sealed record ScaleNodePoolRequest(int Count);
