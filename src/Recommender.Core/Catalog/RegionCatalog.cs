using System.Collections.Frozen;
using System.Text.Json.Serialization;

namespace Recommender.Core.Catalog;

/// <summary>
/// Everything we know about one provider region at one moment. Immutable: a refresh builds a new one and swaps it
/// in whole, so readers never see a half-written region.
/// </summary>
public sealed class RegionCatalog
{
    private readonly FrozenDictionary<string, InstanceOffering> byName;

    [JsonConstructor]
    public RegionCatalog(
        string provider,
        Region region,
        string currency,
        CatalogSource source,
        DateTimeOffset updatedAt,
        long version,
        IReadOnlyList<InstanceOffering> instanceTypes)
    {
        Provider = provider;
        Region = region;
        Currency = currency;
        Source = source;
        UpdatedAt = updatedAt;
        Version = version;
        InstanceTypes = instanceTypes;
        byName = instanceTypes.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
    }

    public string Provider { get; }

    public Region Region { get; }

    /// <summary>ISO 4217 code of every price in this region (USD for the international site, CNY for the China site).</summary>
    public string Currency { get; }

    public CatalogSource Source { get; }

    /// <summary>When the data was produced (scraped, or stamped in the snapshot file).</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>
    /// Monotonic version chosen by the producer (Unix milliseconds of the build); replicas adopt a region only when
    /// its version is newer than the one they hold.
    /// </summary>
    public long Version { get; }

    public IReadOnlyList<InstanceOffering> InstanceTypes { get; }

    [JsonIgnore]
    public RegionKey Key => new(Provider, Region.Id);

    public InstanceOffering? Find(string instanceType) => byName.GetValueOrDefault(instanceType);

    public bool HasZone(string zone) => Region.Zones.Any(z => string.Equals(z.Id, zone, StringComparison.Ordinal));
}
