using Recommender.Core.Catalog;

namespace Recommender.Testing.Stores;

/// <summary>
/// A store that can be switched off: while <see cref="IsDown"/> every call fails the way an unreachable server does.
/// Used to test what the catalog does during an outage without a server; the Redis suites repeat the important
/// cases against a real redis-server that is stopped and restarted.
/// </summary>
public sealed class OutageCatalogStore(ICatalogStore inner) : ICatalogStore
{
    public ICatalogStore Inner { get; set; } = inner;

    public bool IsDown { get; set; }

    public int SaveCalls { get; private set; }

    public Task<bool> SaveRegionAsync(RegionCatalog catalog, CancellationToken ct)
    {
        SaveCalls++;
        ThrowIfDown();
        return Inner.SaveRegionAsync(catalog, ct);
    }

    public Task<RegionCatalog?> GetRegionAsync(RegionKey key, CancellationToken ct)
    {
        ThrowIfDown();
        return Inner.GetRegionAsync(key, ct);
    }

    public Task<IReadOnlyList<RegionVersion>> ListRegionsAsync(CancellationToken ct)
    {
        ThrowIfDown();
        return Inner.ListRegionsAsync(ct);
    }

    private void ThrowIfDown()
    {
        if (IsDown)
        {
            throw new IOException("catalog store is down");
        }
    }
}
