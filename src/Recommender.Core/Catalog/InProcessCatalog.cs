namespace Recommender.Core.Catalog;

/// <summary>
/// The in-process catalog: readers take <see cref="Current"/>, an immutable snapshot; the single writer persists a
/// region and then swaps a new snapshot in with one reference write (no lock is ever held across I/O).
/// </summary>
public sealed class InProcessCatalog(ICatalogStore store) : ICatalog, ICatalogPublisher
{
    private readonly SemaphoreSlim writer = new(1, 1);
    private volatile CatalogSnapshot current = CatalogSnapshot.Empty;

    public CatalogSnapshot Current => current;

    public async Task PublishAsync(RegionCatalog region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(region);
        await store.SaveRegionAsync(region, ct).ConfigureAwait(false);
        Adopt(region);
    }

    /// <summary>Swaps <paramref name="region"/> in without writing it to the store (it came from the store).</summary>
    public void Adopt(RegionCatalog region)
    {
        ArgumentNullException.ThrowIfNull(region);
        writer.Wait();
        try
        {
            current = current.With(region, KnownProviders.Resolve(region.Provider));
        }
        finally
        {
            writer.Release();
        }
    }
}
