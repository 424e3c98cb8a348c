using Recommender.Core.Catalog;

namespace Recommender.Scrapers.Tests.Builders;

/// <summary>Small valid regions and catalogs, and ways to break them.</summary>
public static class Catalogs
{
    public static Region Region(string id, int zones = 2) =>
        new(id, id, [.. Enumerable.Range(0, zones).Select(i => new Zone($"{id}-{(char)('a' + i)}", $"{id} zone {i}"))]);

    public static InstanceType Type(string name, int vcpu = 2, double memoryGiB = 8) =>
        new(name, name[..name.LastIndexOf('.')], InstanceCategory.General, 7, true, CpuArchitecture.X86, vcpu, memoryGiB,
            0, null, 0, 2, 100_000, 2, null, null);

    public static InstanceOffering Offering(Region region, string name, decimal onDemand = 0.1m, decimal spot = 0.03m) =>
        new(Type(name), onDemand,
            [.. region.Zones.Select(z => new ZonePrice(z.Id, spot))],
            [.. region.Zones.Select(z => new ZoneAvailability(z.Id, StockStatus.WithStock))]);

    public static RegionCatalog For(string provider, Region region, DateTimeOffset at, params InstanceOffering[] offerings) =>
        new(provider, region, "USD", CatalogSource.Live, at, at.ToUnixTimeMilliseconds(),
            offerings.Length > 0 ? offerings : [Offering(region, "ecs.g7.large"), Offering(region, "ecs.c7.xlarge", 0.2m, 0.05m)]);

    public static RegionCatalog Snapshot(string provider, Region region, DateTimeOffset at) =>
        new(provider, region, "USD", CatalogSource.Snapshot, at, at.ToUnixTimeMilliseconds(), [Offering(region, "ecs.g7.large")]);
}
