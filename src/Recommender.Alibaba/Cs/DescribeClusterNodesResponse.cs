namespace Recommender.Alibaba.Cs;

/// <summary>One page of DescribeClusterNodes.</summary>
public sealed record DescribeClusterNodesResponse(IReadOnlyList<ClusterNode>? Nodes, CsPageInfo? Page);
