namespace Recommender.Core.Catalog;

/// <summary>
/// The single way new catalog data enters the service (scrapers, snapshot import). Implementations swap the region
/// into <see cref="ICatalog.Current"/> and persist it in the <see cref="ICatalogStore"/>. An unreachable store does
/// not fail a publish: the region is served from memory and persisted once the store answers again.
/// </summary>
public interface ICatalogPublisher
{
    Task PublishAsync(RegionCatalog region, CancellationToken ct);
}
