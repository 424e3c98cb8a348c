namespace Recommender.Core.Catalog;

/// <summary>Freshness of one region's data. Stale data is still served; the flag tells clients to distrust prices.</summary>
/// <param name="Age">Now minus <see cref="UpdatedAt"/>.</param>
/// <param name="IsStale">Older than the configured limit (<c>Catalog:StaleAfter</c>).</param>
public sealed record RegionCatalogStatus(
    RegionKey Key,
    CatalogSource Source,
    DateTimeOffset UpdatedAt,
    TimeSpan Age,
    bool IsStale,
    long Version,
    int InstanceTypeCount);
