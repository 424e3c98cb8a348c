namespace Recommender.Core.Catalog;

/// <summary>
/// Durable, shareable home of region catalogs (in-memory for the embedded default, Redis when configured).
/// Every implementation passes the same contract suite (tests/Recommender.Testing/Stores/CatalogStoreContract).
/// </summary>
public interface ICatalogStore
{
    /// <summary>
    /// Replaces the region atomically: concurrent readers see either the previous catalog or the new one, never a
    /// mix or nothing; if the write fails the previous catalog stays readable. A newer version is never replaced by
    /// an older one (two replicas or scrapers racing): then nothing is written and the result is false.
    /// </summary>
    /// <returns>True when the region was written (the store held no newer version).</returns>
    Task<bool> SaveRegionAsync(RegionCatalog catalog, CancellationToken ct);

    /// <summary>The region, or null when the store has never held it.</summary>
    Task<RegionCatalog?> GetRegionAsync(RegionKey key, CancellationToken ct);

    /// <summary>Versions of every stored region, cheap enough to poll.</summary>
    Task<IReadOnlyList<RegionVersion>> ListRegionsAsync(CancellationToken ct);
}
