using Recommender.Core.Catalog;

namespace Recommender.Scrapers.Status;

/// <summary>What the scrapers know about one region.</summary>
/// <param name="IsListedByProvider">
/// False when the last region discovery no longer listed the region: its last data is kept and served, not refreshed.
/// </param>
/// <param name="IsStale">Any kind is stale.</param>
/// <param name="Kinds">One entry per <see cref="Core.Cloud.RefreshKind"/>, in enum order.</param>
public sealed record RegionRefreshStatus(
    RegionKey Key,
    bool IsListedByProvider,
    bool IsStale,
    DateTimeOffset? CatalogUpdatedAt,
    IReadOnlyList<RefreshKindStatus> Kinds);
