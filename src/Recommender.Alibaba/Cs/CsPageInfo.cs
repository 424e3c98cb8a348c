namespace Recommender.Alibaba.Cs;

/// <summary>Paging of DescribeClustersV1 (<c>page_info</c>) and DescribeClusterNodes (<c>page</c>); pages count from 1.</summary>
public sealed record CsPageInfo(int PageNumber, int PageSize, int TotalCount);
