namespace Recommender.Alibaba.Cs;

/// <summary>One page of DescribeClustersV1.</summary>
public sealed record DescribeClustersResponse(IReadOnlyList<CsCluster>? Clusters, CsPageInfo? PageInfo);
