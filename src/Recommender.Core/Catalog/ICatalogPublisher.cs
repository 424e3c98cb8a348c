namespace Recommender.Core.Catalog;

/// <summary>
/// The single way new catalog data enters the service (scrapers, snapshot import). Implementations persist the region
/// in the <see cref="ICatalogStore"/> and swap it into <see cref="ICatalog.Current"/>; a failure leaves the previous
/// region in place.
/// </summary>
public interface ICatalogPublisher
{
    Task PublishAsync(RegionCatalog region, CancellationToken ct);
}
