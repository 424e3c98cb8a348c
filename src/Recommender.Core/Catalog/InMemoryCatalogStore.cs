using System.Collections.Concurrent;

namespace Recommender.Core.Catalog;

/// <summary>The embedded default store: one process, nothing to install. Replacement is a single dictionary write.</summary>
public sealed class InMemoryCatalogStore : ICatalogStore
{
    private readonly ConcurrentDictionary<RegionKey, RegionCatalog> regions = new();

    public Task<bool> SaveRegionAsync(RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ct.ThrowIfCancellationRequested();
        while (true)
        {
            if (!regions.TryGetValue(catalog.Key, out var held))
            {
                if (regions.TryAdd(catalog.Key, catalog))
                {
                    return Task.FromResult(true);
                }
            }
            else if (held.Version > catalog.Version)
            {
                return Task.FromResult(false);
            }
            else if (regions.TryUpdate(catalog.Key, catalog, held))
            {
                return Task.FromResult(true);
            }

            // Another writer got in between: look again.
        }
    }

    public Task<RegionCatalog?> GetRegionAsync(RegionKey key, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(regions.GetValueOrDefault(key));
    }

    public Task<IReadOnlyList<RegionVersion>> ListRegionsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        IReadOnlyList<RegionVersion> list = [.. regions.Values.Select(r => new RegionVersion(r.Key, r.Version, r.UpdatedAt))];
        return Task.FromResult(list);
    }
}
