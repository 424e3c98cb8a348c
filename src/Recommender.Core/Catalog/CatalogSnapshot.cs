using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Recommender.Core.Catalog;

/// <summary>
/// The whole catalog as one immutable value. <see cref="ICatalog"/> swaps snapshots with a single reference write,
/// so a request that took a snapshot keeps a consistent view for its whole life.
/// </summary>
public sealed class CatalogSnapshot
{
    public static readonly CatalogSnapshot Empty = new([], []);

    private readonly FrozenDictionary<RegionKey, RegionCatalog> regions;
    private string? fingerprint;

    public CatalogSnapshot(IReadOnlyList<Provider> providers, IEnumerable<RegionCatalog> regions)
    {
        Providers = providers;
        this.regions = regions.ToFrozenDictionary(r => r.Key);
        Regions = [.. this.regions.Values.OrderBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Region.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Provider> Providers { get; }

    /// <summary>
    /// Names this snapshot's content: equal for two snapshots with the same providers and the same version of every
    /// region, different as soon as one region is added or changes version. Computed once, on first use.
    /// </summary>
    public string Fingerprint => fingerprint ??= ComputeFingerprint();

    /// <summary>When the most recently updated region was last updated; null for an empty catalog.</summary>
    public DateTimeOffset? NewestUpdate => Regions.Count == 0 ? null : Regions.Max(r => r.UpdatedAt);

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

    private string ComputeFingerprint()
    {
        var text = new StringBuilder();
        foreach (var provider in Providers)
        {
            text.Append(provider.Id).Append('\n');
        }

        foreach (var region in Regions)
        {
            text.Append(region.Provider).Append('/').Append(region.Region.Id).Append('@').Append(region.Version).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
