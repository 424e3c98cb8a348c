using Recommender.Core.Catalog;

namespace Recommender.Alibaba.Tests;

/// <summary>Asserts that a scraped region reproduces the emulator's seed.</summary>
internal static class CatalogComparison
{
    public static void AssertMatchesSeed(RegionCatalog seed, RegionCatalog scraped)
    {
        Assert.Equal(seed.Region.Id, scraped.Region.Id);
        Assert.Equal(seed.Region.Zones, scraped.Region.Zones);
        Assert.Equal(seed.Currency, scraped.Currency);
        Assert.Equal(CatalogSource.Live, scraped.Source);
        Assert.Equal(seed.InstanceTypes.Select(o => o.Name).Order(StringComparer.Ordinal), scraped.InstanceTypes.Select(o => o.Name));
        foreach (var expected in seed.InstanceTypes)
        {
            var actual = scraped.Find(expected.Name)!;
            AssertSameHardware(expected.Type, actual.Type);
            Assert.Equal(expected.OnDemandPrice, actual.OnDemandPrice);
            Assert.Equal(ExpectedSpot(expected), actual.SpotPrices);
            Assert.Equal(expected.Availability.OrderBy(a => a.Zone, StringComparer.Ordinal), actual.Availability.OrderBy(a => a.Zone, StringComparer.Ordinal));
        }
    }

    /// <summary>Spot prices are kept where the type can be launched as spot now (it has stock there).</summary>
    public static IEnumerable<ZonePrice> ExpectedSpot(InstanceOffering seed) =>
        seed.SpotPrices.Where(p => seed.HasStockIn(p.Zone)).OrderBy(p => p.Zone, StringComparer.Ordinal);

    private static void AssertSameHardware(InstanceType expected, InstanceType actual)
    {
        Assert.Equal(expected with { NetworkBandwidthGbps = 0, BurstBaselinePercent = null }, actual with { NetworkBandwidthGbps = 0, BurstBaselinePercent = null });
        // Bandwidth travels as integer Kbit/s and the burst baseline as an integer sum over vCPUs.
        Assert.Equal(expected.NetworkBandwidthGbps, actual.NetworkBandwidthGbps, 5);
        Assert.Equal(expected.BurstBaselinePercent is null, actual.BurstBaselinePercent is null);
        Assert.Equal(expected.BurstBaselinePercent ?? 0, actual.BurstBaselinePercent ?? 0, 1);
    }
}
