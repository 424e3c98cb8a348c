using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Scrapers.Tests.Builders;
using Recommender.Scrapers.Tests.Fakes;

namespace Recommender.Scrapers.Tests;

/// <summary>Each fault fails only the affected region, keeps what is stored, and says what happened.</summary>
public sealed class RefreshFaultTests : IDisposable
{
    private readonly ScraperTestEnvironment env = new ScraperTestEnvironment().WithRegions("r1", "r2");

    public void Dispose() => env.Dispose();

    public static TheoryData<string> InvalidCatalogs() =>
        ["empty", "negative on-demand price", "zero spot price", "spot zone outside region", "stock zone outside region",
         "wrong region", "no zones", "zero vcpu"];

    [Theory]
    [MemberData(nameof(InvalidCatalogs))]
    public async Task An_invalid_catalog_is_rejected_and_the_last_good_one_kept(string fault)
    {
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var lastGood = env.Catalog.Current.Find(env.Key("r1"));
        env.Provider.CatalogsByRegion["r1"] = Broken(fault, Catalogs.Region("r1"));

        var summary = await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);

        Assert.Equal(["r1"], summary.Failed.Select(k => k.Region));
        Assert.Equal(["r2"], summary.Succeeded.Select(k => k.Region));
        Assert.Same(lastGood, env.Catalog.Current.Find(env.Key("r1")));
        var error = env.Kind("r1", RefreshKind.Full).LastError!;
        Assert.Equal(ErrorCodes.InvalidCatalog, error.Code);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_price_refresh_that_prices_an_unknown_type_is_rejected()
    {
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var region = Catalogs.Region("r1");
        var lastGood = env.Catalog.Current.Find(env.Key("r1"))!;
        env.Provider.CatalogsByRegion["r1"] = Catalogs.For("fake", region, env.Time.GetUtcNow(),
            [.. lastGood.InstanceTypes, Catalogs.Offering(region, "ecs.r7.large")]);

        await env.Refresher.RefreshAllAsync(RefreshKind.OnDemandPrices, CancellationToken.None);

        Assert.Same(lastGood, env.Catalog.Current.Find(env.Key("r1")));
        var error = env.Kind("r1", RefreshKind.OnDemandPrices).LastError!;
        Assert.Equal(ErrorCodes.InvalidCatalog, error.Code);
        Assert.Contains("ecs.r7.large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_refresh_that_drops_a_type_is_rejected_as_partial()
    {
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var region = Catalogs.Region("r1");
        env.Provider.CatalogsByRegion["r1"] = Catalogs.For("fake", region, env.Time.GetUtcNow(), Catalogs.Offering(region, "ecs.g7.large"));

        await env.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);

        Assert.Equal(2, env.Catalog.Current.Find(env.Key("r1"))!.InstanceTypes.Count);
        Assert.Contains("dropped", env.Kind("r1", RefreshKind.SpotPricesAndStock).LastError!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refresh_that_outlives_the_timeout_fails_as_transient(bool providerIgnoresCancellation)
    {
        env.Options.RefreshTimeout = TimeSpan.FromMinutes(2);
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var lastGood = env.Catalog.Current.Find(env.Key("r1"));
        env.Provider.Delay = TimeSpan.FromMinutes(10);
        env.Provider.IgnoreCancellation = providerIgnoresCancellation;

        var run = env.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);
        await Eventually.WaitUntilAsync(() => env.Provider.InFlight == 2, "both refreshes running");
        env.Time.Advance(TimeSpan.FromMinutes(2));
        var summary = await run;

        Assert.Equal(2, summary.Failed.Count);
        Assert.Same(lastGood, env.Catalog.Current.Find(env.Key("r1")));
        var status = env.Kind("r1", RefreshKind.SpotPricesAndStock);
        Assert.Equal(ScraperErrorCodes.RefreshTimeout, status.LastError!.Code);
        Assert.True(status.LastError.IsTransient);
        Assert.Equal(TimeSpan.FromMinutes(2), status.LastDuration);
        Assert.False(status.IsRunning);
    }

    [Fact]
    public async Task Shutdown_cancels_the_running_refresh_cleanly_and_keeps_stored_data()
    {
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var stored = await env.Store.GetRegionAsync(env.Key("r1"), CancellationToken.None);
        env.Provider.Delay = TimeSpan.FromMinutes(1);
        using var shutdown = new CancellationTokenSource();

        var run = env.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, shutdown.Token);
        await Eventually.WaitUntilAsync(() => env.Provider.InFlight == 2, "both refreshes running");
        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Same(stored, await env.Store.GetRegionAsync(env.Key("r1"), CancellationToken.None));
        Assert.Same(stored, env.Catalog.Current.Find(env.Key("r1")));
        Assert.Equal(ScraperErrorCodes.RefreshCancelled, env.Kind("r1", RefreshKind.SpotPricesAndStock).LastError!.Code);
        Assert.Equal(ScraperErrorCodes.RefreshCancelled, env.Kind("r2", RefreshKind.SpotPricesAndStock).LastError!.Code);
        Assert.NotNull(env.Kind("r1", RefreshKind.Full).LastSuccessAt);
    }

    [Fact]
    public async Task A_region_that_disappears_keeps_its_data_and_is_flagged()
    {
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var kept = env.Catalog.Current.Find(env.Key("r2"));
        env.Provider.Regions.RemoveAll(r => r.Id == "r2");

        var missing = await env.Refresher.DiscoverRegionsAsync(CancellationToken.None);
        var summary = await env.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);

        Assert.Empty(missing);
        Assert.Equal(["r2"], summary.Skipped.Select(k => k.Region));
        Assert.DoesNotContain(env.Provider.RefreshCalls(RefreshKind.SpotPricesAndStock), c => c.Region == "r2");
        Assert.Same(kept, env.Catalog.Current.Find(env.Key("r2")));
        Assert.False(env.Status.Find(env.Key("r2"))!.IsListedByProvider);
        Assert.True(env.Status.Find(env.Key("r1"))!.IsListedByProvider);
        Assert.Equal(["r2"], env.Status.GetProviders().Single().MissingRegions);

        env.Provider.Regions.Add(Catalogs.Region("r2"));
        await env.Refresher.DiscoverRegionsAsync(CancellationToken.None);
        Assert.True(env.Status.Find(env.Key("r2"))!.IsListedByProvider);
        Assert.Empty(env.Status.GetProviders().Single().MissingRegions);
    }

    [Fact]
    public async Task Failed_discovery_falls_back_to_the_regions_the_catalog_holds()
    {
        await env.Catalog.PublishAsync(Catalogs.Snapshot("fake", Catalogs.Region("r1"), ScraperTestEnvironment.Start.AddDays(-1)), CancellationToken.None);
        env.Provider.RegionsError = new FakeCloudException("ServiceUnavailable", transient: true);

        var summary = await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);

        Assert.Equal(["r1"], summary.Succeeded.Select(k => k.Region));
        Assert.Equal(CatalogSource.Live, env.Catalog.Current.Find(env.Key("r1"))!.Source);
        var provider = env.Status.GetProviders().Single();
        Assert.Equal("ServiceUnavailable", provider.LastError!.Code);
        Assert.Null(provider.LastSuccessAt);
    }

    [Fact]
    public async Task Discovery_then_fill_loads_only_new_regions()
    {
        await env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);
        env.Provider.Regions.Add(Catalogs.Region("r3"));

        var filled = await env.Refresher.DiscoverAndFillAsync(CancellationToken.None);

        Assert.Equal(["r2", "r3"], filled.Succeeded.Select(k => k.Region).Order(StringComparer.Ordinal));
        Assert.Single(env.Provider.RefreshCalls(), c => c.Region == "r1");
        Assert.Equal(3, env.Catalog.Current.Regions.Count);
    }

    private RegionCatalog Broken(string fault, Region region)
    {
        var at = env.Time.GetUtcNow();
        var good = Catalogs.Offering(region, "ecs.g7.large");
        return fault switch
        {
            "empty" => new RegionCatalog("fake", region, "USD", CatalogSource.Live, at, 1, []),
            "negative on-demand price" => Catalogs.For("fake", region, at, good with { OnDemandPrice = -0.1m }),
            "zero spot price" => Catalogs.For("fake", region, at, good with { SpotPrices = [new ZonePrice("r1-a", 0m)] }),
            "spot zone outside region" => Catalogs.For("fake", region, at, good with { SpotPrices = [new ZonePrice("r9-a", 0.02m)] }),
            "stock zone outside region" => Catalogs.For("fake", region, at,
                good with { Availability = [new ZoneAvailability("r9-a", StockStatus.WithStock)] }),
            "wrong region" => Catalogs.For("fake", Catalogs.Region("r2"), at),
            "no zones" => Catalogs.For("fake", region with { Zones = [] }, at, good with { SpotPrices = [], Availability = [] }),
            "zero vcpu" => Catalogs.For("fake", region, at, good with { Type = good.Type with { Vcpu = 0 } }),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
    }
}
