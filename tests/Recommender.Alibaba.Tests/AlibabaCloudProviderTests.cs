using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

/// <summary>The scraper end to end against the emulator: what it builds, what it costs, how it fails.</summary>
public sealed class AlibabaCloudProviderTests
{
    private static readonly DateTimeOffset SeedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RegionCatalog Hangzhou = SyntheticCatalog.Region("cn-hangzhou", 230, 3, SeedTime);
    private static readonly RegionCatalog Shanghai = SyntheticCatalog.Region("cn-shanghai", 40, 2, SeedTime);

    private static Task<AlibabaTestHost> StartAsync(Dictionary<string, string?>? settings = null) =>
        AlibabaTestHost.StartAsync(new EmulatorCatalog([Hangzhou, Shanghai]), settings);

    [Fact]
    public async Task Regions_come_with_their_zones()
    {
        await using var host = await StartAsync();

        var regions = await host.Provider.GetRegionsAsync(CancellationToken.None);

        Assert.Equal(["cn-hangzhou", "cn-shanghai"], regions.Select(r => r.Id));
        Assert.Equal(Hangzhou.Region.Zones, regions[0].Zones);
    }

    [Fact]
    public async Task Full_refresh_reproduces_the_seed_and_counts_every_call()
    {
        await using var host = await StartAsync();

        var result = await host.Provider.RefreshRegionAsync(Hangzhou.Region, RefreshKind.Full, null, CancellationToken.None);

        CatalogComparison.AssertMatchesSeed(Hangzhou, result.Catalog);
        var spotTypes = Hangzhou.InstanceTypes.Count(o => CatalogComparison.ExpectedSpot(o).Any());
        var pages = (int)Math.Ceiling(Hangzhou.InstanceTypes.Concat(Shanghai.InstanceTypes).DistinctBy(o => o.Name).Count() / 100.0);
        Assert.Equal(1 + pages + 2 + Hangzhou.InstanceTypes.Count + spotTypes, result.ApiCalls);
        Assert.Equal(host.Emulator.Counters.Total, result.ApiCalls);
        Assert.Equal("alibaba", result.Catalog.Provider);
    }

    [Fact]
    public async Task On_demand_prices_are_cached_per_region_and_type()
    {
        await using var host = await StartAsync();
        await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);

        var again = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);

        Assert.Equal(Shanghai.InstanceTypes.Count, host.Emulator.Counters.Calls("DescribePrice"));
        CatalogComparison.AssertMatchesSeed(Shanghai, again.Catalog);
    }

    [Fact]
    public async Task Spot_refresh_rereads_only_stock_and_spot_prices_and_keeps_the_rest()
    {
        await using var host = await StartAsync(new() { ["Alibaba:PriceCacheTtl"] = "00:00:00" });
        var full = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);
        host.Emulator.Counters.Reset();

        var spot = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.SpotPricesAndStock, full.Catalog, CancellationToken.None);

        Assert.Equal(0, host.Emulator.Counters.Calls("DescribePrice") + host.Emulator.Counters.Calls("DescribeInstanceTypes") + host.Emulator.Counters.Calls("DescribeZones"));
        Assert.Equal(2, host.Emulator.Counters.Calls("DescribeAvailableResource"));
        Assert.Equal(spot.ApiCalls, host.Emulator.Counters.Total);
        CatalogComparison.AssertMatchesSeed(Shanghai, spot.Catalog);
        Assert.True(spot.Catalog.Version >= full.Catalog.Version);
    }

    [Fact]
    public async Task On_demand_refresh_rereads_only_prices()
    {
        await using var host = await StartAsync(new() { ["Alibaba:PriceCacheTtl"] = "00:00:00" });
        var full = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);
        host.Emulator.Counters.Reset();

        var prices = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.OnDemandPrices, full.Catalog, CancellationToken.None);

        Assert.Equal(Shanghai.InstanceTypes.Count, host.Emulator.Counters.Total);
        Assert.Equal(Shanghai.InstanceTypes.Count, host.Emulator.Counters.Calls("DescribePrice"));
        CatalogComparison.AssertMatchesSeed(Shanghai, prices.Catalog);
    }

    [Fact]
    public async Task A_partial_refresh_without_a_previous_catalog_is_a_full_one()
    {
        await using var host = await StartAsync();

        var result = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.SpotPricesAndStock, null, CancellationToken.None);

        CatalogComparison.AssertMatchesSeed(Shanghai, result.Catalog);
    }

    [Fact]
    public async Task Prices_can_come_from_the_public_price_file()
    {
        await using var host = await StartAsync();
        var url = new Uri(host.Emulator.BaseAddress, "/price/download/instancePrice.json").ToString();
        await using var withFile = await AlibabaTestHost.StartAsync(new EmulatorCatalog([Hangzhou, Shanghai]), new() { ["Alibaba:PublicPriceFile"] = url });

        var result = await withFile.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);

        CatalogComparison.AssertMatchesSeed(Shanghai, result.Catalog);
        Assert.Equal(0, withFile.Emulator.Counters.Calls("DescribePrice"));
    }

    [Fact]
    public async Task A_missing_public_price_file_is_a_typed_error()
    {
        await using var host = await StartAsync(new() { ["Alibaba:PublicPriceFile"] = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json") });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None));

        Assert.Equal(AlibabaErrorCodes.ClientConnection, error.VendorCode);
    }

    [Fact]
    public async Task A_region_that_disappears_fails_with_a_typed_error_and_other_regions_still_refresh()
    {
        await using var host = await StartAsync();
        host.Emulator.Faults.RemoveRegion("cn-hangzhou");

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Provider.RefreshRegionAsync(Hangzhou.Region, RefreshKind.Full, null, CancellationToken.None));
        var other = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);

        Assert.Contains(error.VendorCode, (string[])["InvalidRegionId.NotFound", "Invalid.RegionId"]);
        Assert.False(error.IsTransient);
        CatalogComparison.AssertMatchesSeed(Shanghai, other.Catalog);
        Assert.DoesNotContain(await host.Provider.GetRegionsAsync(CancellationToken.None), r => r.Id == "cn-hangzhou");
    }

    [Fact]
    public async Task A_spot_price_for_an_unknown_type_rejects_the_refresh()
    {
        await using var host = await StartAsync();
        host.Emulator.Faults.For("DescribeSpotPriceHistory").UnknownInstanceType = true;

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None));

        Assert.Equal(AlibabaErrorCodes.ClientInconsistentData, error.VendorCode);
    }

    [Fact]
    public async Task Stock_for_a_type_the_catalogue_does_not_list_is_ignored()
    {
        await using var host = await StartAsync();
        host.Emulator.Faults.For("DescribeAvailableResource").UnknownInstanceType = true;

        var result = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);

        CatalogComparison.AssertMatchesSeed(Shanghai, result.Catalog);
        Assert.Null(result.Catalog.Find(ActionFaults.PhantomType));
    }

    [Theory]
    [InlineData("DescribeInstanceTypes", MalformedBody.Truncated)]
    [InlineData("DescribePrice", MalformedBody.WrongTypes)]
    [InlineData("DescribeSpotPriceHistory", MalformedBody.Html)]
    public async Task A_broken_body_fails_the_refresh_with_MalformedResponse(string action, MalformedBody kind)
    {
        await using var host = await StartAsync();
        var faults = host.Emulator.Faults.For(action);
        (faults.MalformedNext, faults.Malformed) = (1, kind);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None));

        Assert.Equal(AlibabaErrorCodes.ClientMalformedResponse, error.VendorCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_page_token_loop_fails_the_refresh()
    {
        await using var host = await StartAsync();
        host.Emulator.Faults.For("DescribeInstanceTypes").PageTokenLoop = true;

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Provider.RefreshRegionAsync(Hangzhou.Region, RefreshKind.Full, null, CancellationToken.None));

        Assert.Equal(AlibabaErrorCodes.ClientPageTokenLoop, error.VendorCode);
    }

    [Fact]
    public async Task Occasional_throttling_and_5xx_are_absorbed_by_retries()
    {
        await using var host = await StartAsync(new() { ["Alibaba:MaxAttempts"] = "5", ["Alibaba:MaxAttemptsWhenThrottled"] = "10" });
        host.Emulator.Faults.ForAll(f =>
        {
            (f.ThrottleRate, f.ThrottleTimeLeftMs) = (0.2, 5);
            f.ServerErrorRate = 0.02;
        });

        var result = await host.Provider.RefreshRegionAsync(Hangzhou.Region, RefreshKind.Full, null, CancellationToken.None);

        CatalogComparison.AssertMatchesSeed(Hangzhou, result.Catalog);
        Assert.True(host.Emulator.Counters.Errors("Throttling.User") > 0);
        Assert.Equal(host.Emulator.Counters.Total, result.ApiCalls);
        Assert.Empty(host.Emulator.Counters.ReusedNonces);
    }

    [Theory]
    [InlineData("throttling")]
    [InlineData("5xx")]
    public async Task A_storm_fails_the_refresh_with_a_transient_error_and_the_next_refresh_recovers(string storm)
    {
        await using var host = await StartAsync();
        var faults = host.Emulator.Faults.For("DescribePrice");
        if (storm == "throttling")
        {
            (faults.ThrottleRate, faults.ThrottleTimeLeftMs) = (1, 5);
        }
        else
        {
            faults.ServerErrorRate = 1;
        }

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None));
        Assert.True(error.IsTransient);
        Assert.Equal(storm == "throttling" ? "Throttling.User" : "ServiceUnavailable", error.VendorCode);

        host.Emulator.Faults.Reset();
        var result = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);
        CatalogComparison.AssertMatchesSeed(Shanghai, result.Catalog);
    }

    [Fact]
    public async Task A_failing_step_stops_the_steps_running_beside_it()
    {
        await using var host = await StartAsync();
        (host.Emulator.Faults.For("DescribePrice").ThrottleRate, host.Emulator.Faults.For("DescribePrice").ThrottleTimeLeftMs) = (1, 5);
        host.Emulator.Faults.For("DescribeSpotPriceHistory").Latency = TimeSpan.FromMilliseconds(50);

        await Assert.ThrowsAsync<CloudApiException>(() => host.Provider.RefreshRegionAsync(Hangzhou.Region, RefreshKind.Full, null, CancellationToken.None));

        Assert.InRange(host.Emulator.Counters.Calls("DescribeSpotPriceHistory"), 1, Hangzhou.InstanceTypes.Count / 2);
    }

    [Fact]
    public async Task Timeouts_fail_the_refresh_with_Client_Timeout()
    {
        await using var host = await StartAsync(new() { ["Alibaba:AttemptTimeout"] = "00:00:00.100", ["Alibaba:MaxAttempts"] = "2" });
        host.Emulator.Faults.For("DescribeZones").Latency = TimeSpan.FromSeconds(2);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None));

        Assert.Equal(AlibabaErrorCodes.ClientTimeout, error.VendorCode);
    }

    [Fact]
    public async Task The_server_side_rate_limit_is_honoured_by_the_client_rate_limit()
    {
        await using var host = await AlibabaTestHost.StartAsync(
            new EmulatorCatalog([Shanghai]),
            new() { ["Alibaba:CallsPerSecondPerApi"] = "100" },
            emulatorOptions: new EcsEmulatorOptions { MaxCallsPerSecondPerApi = 120 });

        var result = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);

        CatalogComparison.AssertMatchesSeed(Shanghai, result.Catalog);
        Assert.Equal(0, host.Emulator.Counters.Errors("Throttling.Api"));
    }

    [Fact]
    public async Task The_server_side_rate_limit_answers_Throttling_Api_and_the_client_recovers()
    {
        await using var host = await AlibabaTestHost.StartAsync(
            new EmulatorCatalog([Shanghai]),
            new() { ["Alibaba:MaxParallelCallsPerRegion"] = "16" },
            emulatorOptions: new EcsEmulatorOptions { MaxCallsPerSecondPerApi = 30 });

        var result = await host.Provider.RefreshRegionAsync(Shanghai.Region, RefreshKind.Full, null, CancellationToken.None);

        CatalogComparison.AssertMatchesSeed(Shanghai, result.Catalog);
        Assert.True(host.Emulator.Counters.Errors("Throttling.Api") > 0);
    }
}
