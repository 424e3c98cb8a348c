using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;

namespace Recommender.Api.Catalog;

/// <summary>Health and per-region freshness, computed from the current snapshot on every call.</summary>
public sealed class CatalogStatus(InProcessCatalog catalog, TimeProvider time, IOptions<CatalogOptions> options, string storeKind)
    : ICatalogStatus
{
    public const string MemoryStore = "memory";
    public const string RedisStore = "redis";

    public CatalogHealthReport GetHealth() => new(
        IsLoaded: !catalog.Current.IsEmpty,
        StoreKind: storeKind,
        StoreState: catalog.StoreState,
        LastStoreError: catalog.LastStoreError,
        LastStoreSuccessAt: catalog.LastStoreSuccessAt);

    public IReadOnlyList<RegionCatalogStatus> GetRegions()
    {
        var now = time.GetUtcNow();
        var staleAfter = options.Value.StaleAfter;
        return [.. catalog.Current.Regions.Select(r =>
        {
            var age = now - r.UpdatedAt;
            return new RegionCatalogStatus(r.Key, r.Source, r.UpdatedAt, age, age > staleAfter, r.Version, r.InstanceTypes.Count);
        })];
    }
}
