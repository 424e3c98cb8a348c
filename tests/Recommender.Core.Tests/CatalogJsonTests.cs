using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;

namespace Recommender.Core.Tests;

public sealed class CatalogJsonTests
{
    [Fact]
    public void Region_round_trips_through_json()
    {
        var type = new InstanceType("ecs.g7.large", "ecs.g7", InstanceCategory.General, 7, true, CpuArchitecture.X86,
            2, 8, 0, null, 0, 2, 300_000, 3, null, null);
        var offering = new InstanceOffering(type, 0.1234m, [new ZonePrice("cn-hangzhou-i", 0.03m)],
            [new ZoneAvailability("cn-hangzhou-i", StockStatus.WithStock)]);
        var region = new RegionCatalog("alibaba", new Region("cn-hangzhou", "China (Hangzhou)", [new Zone("cn-hangzhou-i", "Zone I")]),
            "USD", CatalogSource.Snapshot, DateTimeOffset.Parse("2026-11-01T00:00:00Z"), 42, [offering]);

        var back = CatalogJson.DeserializeRegion(CatalogJson.SerializeRegion(region));

        Assert.Equal(42, back.Version);
        Assert.Equal(type, back.Find("ecs.g7.large")!.Type);
        Assert.Equal(0.1234m, back.Find("ecs.g7.large")!.OnDemandPrice);
        Assert.Equal(0.03m, back.Find("ecs.g7.large")!.SpotPriceIn("cn-hangzhou-i"));
        Assert.True(back.Find("ecs.g7.large")!.HasStockIn("cn-hangzhou-i"));
    }
}
