namespace Recommender.Alibaba.Ecs;

/// <summary>ECS DescribeAvailableResource with DestinationResource=InstanceType (contract §3.5).</summary>
internal sealed record DescribeAvailableResourceResponse(
    string? RequestId,
    DescribeAvailableResourceResponse.AvailableZoneList? AvailableZones)
{
    internal sealed record AvailableZoneList(IReadOnlyList<AvailableZoneItem>? AvailableZone);

    internal sealed record AvailableZoneItem(string? RegionId, string ZoneId, string? Status, string? StatusCategory, ResourceList? AvailableResources);

    internal sealed record ResourceList(IReadOnlyList<ResourceItem>? AvailableResource);

    internal sealed record ResourceItem(string? Type, SupportedList? SupportedResources);

    internal sealed record SupportedList(IReadOnlyList<SupportedItem>? SupportedResource);

    internal sealed record SupportedItem(string Value, string? Status, string? StatusCategory);
}
