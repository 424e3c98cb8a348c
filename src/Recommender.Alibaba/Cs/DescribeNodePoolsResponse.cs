namespace Recommender.Alibaba.Cs;

/// <summary>DescribeClusterNodePools: every pool of the cluster, no paging.</summary>
public sealed record DescribeNodePoolsResponse(IReadOnlyList<NodePool>? Nodepools);
