using System.Collections.Frozen;

namespace Recommender.Core.Catalog;

/// <summary>
/// The whole catalog as one immutable value. <see cref="ICatalog"/> swaps snapshots with a single reference write,
/// so a request that took a snapshot keeps a consistent view for its whole life.
/// </summary>
public sealed class CatalogSnapshot
{
    public static readonly CatalogSnapshot Empty = new([], []);

    private readonly FrozenDictionary<RegionKey, RegionCatalog> regions;

    public CatalogSnapshot(IReadOnlyList<Provider> providers, IEnumerable<RegionCatalog> regions)
    {
        Providers = providers;
        this.regions = regions.ToFrozenDictionary(r => r.Key);
        Regions = [.. this.regions.Values.OrderBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Region.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Provider> Providers { get; }

    /// <summary>All regions, ordered by provider then region id.</summary>
    public IReadOnlyList<RegionCatalog> Regions { get; }

    public bool IsEmpty => regions.Count == 0;

    public RegionCatalog? Find(RegionKey key) => regions.GetValueOrDefault(key);

    public Provider? FindProvider(string id) => Providers.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    /// <summary>A new snapshot with <paramref name="region"/> added or replaced.</summary>
    public CatalogSnapshot With(RegionCatalog region, Provider provider)
    {
        var providers = FindProvider(provider.Id) is null ? [.. Providers, provider] : Providers;
        var all = regions.Values.Where(r => r.Key != region.Key).Append(region);
        return new CatalogSnapshot(providers, all);
    }
}
