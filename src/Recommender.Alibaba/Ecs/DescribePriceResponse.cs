namespace Recommender.Alibaba.Ecs;

/// <summary>ECS DescribePrice (contract §3.6); the compute-only price is the <c>instanceType</c> detail.</summary>
internal sealed record DescribePriceResponse(string? RequestId, DescribePriceResponse.PriceInfoBlock? PriceInfo)
{
    internal sealed record PriceInfoBlock(PriceBlock? Price);

    internal sealed record PriceBlock(string? Currency, decimal OriginalPrice, decimal DiscountPrice, decimal TradePrice, DetailList? DetailInfos);

    internal sealed record DetailList(IReadOnlyList<DetailItem>? DetailInfo);

    internal sealed record DetailItem(string? Resource, decimal OriginalPrice, decimal DiscountPrice, decimal TradePrice);
}
