using Recommender.Core.Catalog;

namespace Recommender.Testing.Builders;

/// <summary>
/// Builds region catalogs and whole snapshots for tests. Defaults: provider <c>alibaba</c>, region <c>cn-test</c> with
/// zones <see cref="InstanceTypes.DefaultZones"/>, currency USD, source Snapshot, a fixed update time.
/// </summary>
public sealed class CatalogBuilder
{
    public const string DefaultProvider = "alibaba";
    public const string DefaultRegion = "cn-test";
    public static readonly DateTimeOffset DefaultUpdatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<RegionCatalog> regions = [];

    /// <summary>Adds a region; <paramref name="zones"/> defaults to <see cref="InstanceTypes.DefaultZones"/>.</summary>
    public CatalogBuilder WithRegion(
        IEnumerable<InstanceOffering> instanceTypes,
        string region = DefaultRegion,
        string provider = DefaultProvider,
        IReadOnlyList<string>? zones = null,
        string currency = "USD",
        DateTimeOffset? updatedAt = null,
        CatalogSource source = CatalogSource.Snapshot)
    {
        regions.Add(Region(instanceTypes, region, provider, zones, currency, updatedAt, source));
        return this;
    }

    public IReadOnlyList<RegionCatalog> Regions => regions;

    public CatalogSnapshot Build() =>
        new([.. regions.Select(r => r.Provider).Distinct(StringComparer.Ordinal).Select(KnownProviders.Resolve)], regions);

    /// <summary>Publishes every region (e.g. into the app's <see cref="ICatalogPublisher"/>).</summary>
    public async Task PublishToAsync(ICatalogPublisher publisher, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        foreach (var region in regions)
        {
            await publisher.PublishAsync(region, ct).ConfigureAwait(false);
        }
    }

    /// <param name="version">Defaults to the update time in Unix milliseconds.</param>
    public static RegionCatalog Region(
        IEnumerable<InstanceOffering> instanceTypes,
        string region = DefaultRegion,
        string provider = DefaultProvider,
        IReadOnlyList<string>? zones = null,
        string currency = "USD",
        DateTimeOffset? updatedAt = null,
        CatalogSource source = CatalogSource.Snapshot,
        long? version = null)
    {
        var at = updatedAt ?? DefaultUpdatedAt;
        var zoneList = zones ?? (region == DefaultRegion ? InstanceTypes.DefaultZones : [$"{region}-a", $"{region}-b"]);
        return new RegionCatalog(
            provider,
            new Region(region, $"Region {region}", [.. zoneList.Select(z => new Zone(z, $"Zone {z}"))]),
            currency,
            source,
            at,
            version ?? at.ToUnixTimeMilliseconds(),
            [.. instanceTypes]);
    }
}
