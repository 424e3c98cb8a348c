namespace Recommender.Alibaba.Ecs;

/// <summary>ECS DescribeRegions (contract §3.1), field names exactly as on the wire.</summary>
internal sealed record DescribeRegionsResponse(string? RequestId, DescribeRegionsResponse.RegionList? Regions)
{
    internal sealed record RegionList(IReadOnlyList<RegionItem>? Region);

    internal sealed record RegionItem(string RegionId, string? LocalName, string? RegionEndpoint, string? Status);
}
