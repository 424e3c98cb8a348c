using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;
using Recommender.Testing.Builders;

namespace Recommender.Testing.Stores;

/// <summary>
/// Small, fully determined catalogs for store and snapshot tests. Every price is derived from the version, so a
/// reader can tell from any single offering which version it is looking at.
/// </summary>
public static class TestCatalogs
{
    public const string Provider = "alibaba";

    public static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static RegionKey Key(string region) => new(Provider, region);

    /// <summary>A region with <paramref name="typeCount"/> types over two zones, each priced by <see cref="PriceOf"/>.</summary>
    public static RegionCatalog Region(string region, long version, int typeCount = 3, CatalogSource source = CatalogSource.Snapshot,
        DateTimeOffset? updatedAt = null)
    {
        string[] zones = [$"{region}-a", $"{region}-b"];
        var offerings = Enumerable.Range(0, typeCount).Select(i => Offering(zones, i, version)).ToList();
        return CatalogBuilder.Region(offerings, region, Provider, zones, updatedAt: updatedAt ?? Epoch.AddMinutes(version), source: source, version: version);
    }

    /// <summary>The on-demand price of type <paramref name="index"/> in a region of <paramref name="version"/>.</summary>
    public static decimal PriceOf(int index, long version) => 0.01m * (index + 1) + 0.0001m * version;

    public static CatalogDocument Document(params RegionCatalog[] regions) =>
        new(CatalogDocument.CurrentFormat, Epoch, "test catalog", [KnownProviders.Alibaba], regions);

    /// <summary>A type exercising every optional field (GPU, burst baseline, local disks) so serialization writes them all.</summary>
    public static InstanceOffering FullyPopulatedOffering(string zone) => new(
        new InstanceType("ecs.gn7i-c8g1.2xlarge", "ecs.gn7i", InstanceCategory.Gpu, 7, true, CpuArchitecture.X86, 8, 30, 1, "NVIDIA A10",
            24, 16, 1_600_000, 4, 30, new LocalStorage(2, 3540, "local_ssd_pro")),
        5.5m, [new ZonePrice(zone, 1.1m)], [new ZoneAvailability(zone, StockStatus.SoldOut)]);

    private static InstanceOffering Offering(string[] zones, int index, long version)
    {
        var vcpu = 2 << (index % 6);
        var price = PriceOf(index, version);
        return InstanceTypes.New(
            $"ecs.t{index / 6}.s{index}",
            InstanceTypes.WithResources(vcpu, vcpu * 4),
            InstanceTypes.WithNetwork(2, 300_000, 3),
            InstanceTypes.WithPrice(price),
            InstanceTypes.InZones(zones),
            InstanceTypes.SoldOutIn(zones[1]),
            InstanceTypes.WithSpotPrice(zones[index % 2], price / 4));
    }
}
