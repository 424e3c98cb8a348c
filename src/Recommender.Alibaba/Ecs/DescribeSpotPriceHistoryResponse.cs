namespace Recommender.Alibaba.Ecs;

/// <summary>ECS DescribeSpotPriceHistory (contract §3.7); paged by Offset/NextOffset.</summary>
internal sealed record DescribeSpotPriceHistoryResponse(
    string? RequestId,
    string? Currency,
    int? NextOffset,
    DescribeSpotPriceHistoryResponse.SpotPriceList? SpotPrices)
{
    internal sealed record SpotPriceList(IReadOnlyList<SpotPriceItem>? SpotPriceType);

    internal sealed record SpotPriceItem(
        string ZoneId,
        string InstanceType,
        string? IoOptimized,
        string? NetworkType,
        string Timestamp,
        decimal SpotPrice,
        decimal? OriginPrice);
}
