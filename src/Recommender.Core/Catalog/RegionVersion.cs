namespace Recommender.Core.Catalog;

/// <summary>What a store holds for a region, without loading it: enough to decide whether to fetch it.</summary>
public sealed record RegionVersion(RegionKey Key, long Version, DateTimeOffset UpdatedAt);
