namespace Recommender.Alibaba.Ecs;

/// <summary>ECS DescribeZones (contract §3.2); only the fields the scraper reads.</summary>
internal sealed record DescribeZonesResponse(string? RequestId, DescribeZonesResponse.ZoneList? Zones)
{
    internal sealed record ZoneList(IReadOnlyList<ZoneItem>? Zone);

    internal sealed record ZoneItem(string ZoneId, string? LocalName, string? ZoneType);
}
