using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Scrapers.Status;
using Recommender.Scrapers.Tests.Builders;
using Recommender.Scrapers.Tests.Fakes;

namespace Recommender.Scrapers.Tests;

public sealed class CatalogRefresherTests : IDisposable
{
    private readonly ScraperTestEnvironment env = new ScraperTestEnvironment().WithRegions("r1", "r2", "r3");

    public void Dispose() => env.Dispose();

    [Fact]
    public async Task Full_refresh_publishes_every_listed_region_and_records_success()
    {
        var summary = await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);

        Assert.Equal(["r1", "r2", "r3"], summary.Succeeded.Select(k => k.Region));
        Assert.Empty(summary.Failed);
        Assert.Equal(3, env.Catalog.Current.Regions.Count);
        var status = env.Kind("r2", RefreshKind.Full);
        Assert.Equal(ScraperTestEnvironment.Start, status.LastSuccessAt);
        Assert.Equal(ScraperTestEnvironment.Start, status.LastAttemptAt);
        Assert.Equal(3, status.LastApiCalls);
        Assert.Equal(0, status.ConsecutiveFailures);
        Assert.Null(status.LastError);
        Assert.False(status.IsRunning);
        Assert.False(env.Status.Find(env.Key("r2"))!.IsStale);
        Assert.Single(env.Provider.Calls, c => c.Method == "GetRegionsAsync");
    }

    [Fact]
    public async Task Partial_refresh_builds_on_the_previous_catalog()
    {
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var previous = env.Catalog.Current.Find(env.Key("r1"));

        await env.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);

        var call = env.Provider.RefreshCalls(RefreshKind.SpotPricesAndStock).Single(c => c.Region == "r1");
        Assert.Same(previous, call.Previous);
        Assert.NotNull(env.Kind("r1", RefreshKind.SpotPricesAndStock).LastSuccessAt);
        Assert.Null(env.Kind("r1", RefreshKind.OnDemandPrices).LastSuccessAt);
    }

    [Fact]
    public async Task A_failing_region_keeps_its_last_good_data_and_the_others_continue()
    {
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var lastGood = env.Catalog.Current.Find(env.Key("r2"));
        env.Provider.RegionErrors["r2"] = new FakeCloudException("Throttling", transient: true);
        env.Time.Advance(TimeSpan.FromMinutes(5));

        var first = await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var second = await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);

        Assert.Equal(["r1", "r3"], second.Succeeded.Select(k => k.Region));
        Assert.Equal(["r2"], first.Failed.Select(k => k.Region));
        Assert.Same(lastGood, env.Catalog.Current.Find(env.Key("r2")));
        var status = env.Kind("r2", RefreshKind.Full);
        Assert.Equal("Throttling", status.LastError!.Code);
        Assert.True(status.LastError.IsTransient);
        Assert.Equal(2, status.ConsecutiveFailures);
        Assert.Equal(ScraperTestEnvironment.Start, status.LastSuccessAt);
        Assert.Equal(ScraperTestEnvironment.Start.AddMinutes(5), status.LastAttemptAt);
        Assert.Equal(ScraperTestEnvironment.Start.AddMinutes(5), env.Kind("r3", RefreshKind.Full).LastSuccessAt);

        env.Provider.RegionErrors.Clear();
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        Assert.Equal(0, env.Kind("r2", RefreshKind.Full).ConsecutiveFailures);
        Assert.Null(env.Kind("r2", RefreshKind.Full).LastError);
    }

    [Fact]
    public async Task Non_transient_and_unclassified_errors_are_recorded_with_their_codes()
    {
        env.Provider.RegionErrors["r1"] = new FakeCloudException("InvalidAccessKeyId.NotFound", transient: false);
        env.Provider.RegionErrors["r3"] = new InvalidOperationException("boom");

        var summary = await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);

        Assert.Equal(["r2"], summary.Succeeded.Select(k => k.Region));
        Assert.False(env.Kind("r1", RefreshKind.Full).LastError!.IsTransient);
        Assert.Equal("InvalidAccessKeyId.NotFound", env.Kind("r1", RefreshKind.Full).LastError!.Code);
        Assert.Equal(ErrorCodes.Internal, env.Kind("r3", RefreshKind.Full).LastError!.Code);
        Assert.Contains("boom", env.Kind("r3", RefreshKind.Full).LastError!.Message, StringComparison.Ordinal);
        Assert.Null(env.Catalog.Current.Find(env.Key("r1")));
    }

    [Fact]
    public async Task Error_messages_kept_in_the_status_are_bounded_whatever_the_provider_says()
    {
        env.Provider.RegionErrors["r1"] = new InvalidOperationException(new string('x', 50_000));
        env.Provider.RegionErrors["r2"] = new FakeCloudException(new string('y', 50_000), transient: true);

        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);

        Assert.Equal(1000, env.Kind("r1", RefreshKind.Full).LastError!.Message.Length);
        Assert.EndsWith("[truncated]", env.Kind("r1", RefreshKind.Full).LastError!.Message, StringComparison.Ordinal);
        Assert.Equal(1000, env.Kind("r2", RefreshKind.Full).LastError!.Message.Length);
    }

    [Fact]
    public async Task A_failed_publish_keeps_the_last_good_data()
    {
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        var lastGood = env.Catalog.Current.Find(env.Key("r1"));
        env.Time.Advance(TimeSpan.FromMinutes(1));
        env.Publisher.NextError = new FakeCloudException("STORE_DOWN", transient: true);

        await env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);

        Assert.Same(lastGood, env.Catalog.Current.Find(env.Key("r1")));
        Assert.Equal("STORE_DOWN", env.Kind("r1", RefreshKind.Full).LastError!.Code);
    }

    [Fact]
    public async Task Regions_outside_the_allow_list_are_not_refreshed()
    {
        using var allowed = new ScraperTestEnvironment(o => o.Regions.Add("r2")).WithRegions("r1", "r2", "r3");

        var summary = await allowed.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);

        Assert.Equal(["r2"], summary.Succeeded.Select(k => k.Region));
        Assert.Equal(["r2"], allowed.Provider.RefreshCalls().Select(c => c.Region));
        await Assert.ThrowsAsync<NotFoundException>(() => allowed.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None));
    }

    [Fact]
    public async Task Regions_refresh_with_bounded_parallelism()
    {
        using var bounded = new ScraperTestEnvironment(o => o.MaxParallelRegions = 2).WithRegions("r1", "r2", "r3", "r4", "r5");
        await bounded.Refresher.DiscoverRegionsAsync(CancellationToken.None);
        bounded.Provider.Delay = TimeSpan.FromSeconds(10);

        var run = bounded.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);
        for (var done = 0; done < 5; done += 2)
        {
            var started = Math.Min(done + 2, 5);
            await Eventually.WaitUntilAsync(() => bounded.Provider.RefreshCalls().Count == started && bounded.Provider.InFlight == started - done, $"{started} refreshes started");
            bounded.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var summary = await run;
        Assert.Equal(5, summary.Succeeded.Count);
        Assert.Equal(2, bounded.Provider.MaxInFlight);
    }

    [Fact]
    public async Task Refreshes_of_one_region_that_do_not_cover_each_other_are_serialized_so_the_second_builds_on_the_first()
    {
        using var one = new ScraperTestEnvironment().WithRegions("r1");
        await one.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        one.Provider.Delay = TimeSpan.FromSeconds(10);

        var prices = one.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.OnDemandPrices, CancellationToken.None);
        var spot = one.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);
        await Eventually.WaitUntilAsync(() => one.Provider.InFlight == 1, "the first refresh running");
        one.Time.Advance(TimeSpan.FromSeconds(10));
        await prices;
        await Eventually.WaitUntilAsync(() => one.Provider.InFlight == 1, "the second refresh running");
        one.Time.Advance(TimeSpan.FromSeconds(10));
        await spot;

        Assert.Equal(1, one.Provider.MaxInFlight);
        var spotCall = one.Provider.RefreshCalls(RefreshKind.SpotPricesAndStock).Single();
        Assert.NotNull(spotCall.Previous);
        Assert.Equal(ScraperTestEnvironment.Start.AddSeconds(10), spotCall.Previous.UpdatedAt);
    }

    [Fact]
    public async Task RefreshNow_refreshes_one_region_and_returns_its_status()
    {
        var status = await env.Refresher.RefreshNowAsync("fake", "r3", RefreshKind.OnDemandPrices, CancellationToken.None);

        Assert.Equal(env.Key("r3"), status.Key);
        Assert.NotNull(status.Kinds.Single(k => k.Kind == RefreshKind.OnDemandPrices).LastSuccessAt);
        Assert.Equal(["r3"], env.Provider.RefreshCalls().Select(c => c.Region));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Refresher.RefreshNowAsync("nope", "r3", RefreshKind.Full, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Refresher.RefreshNowAsync("fake", "r9", RefreshKind.Full, CancellationToken.None));
    }

    [Fact]
    public async Task RefreshNow_is_refused_while_the_scrapers_are_disabled()
    {
        env.Status.SetState(new ScraperState(ScraperMode.Disabled, "scrapers disabled: no credentials for account 'alibaba'", "memory", null));

        var error = await Assert.ThrowsAsync<ScrapersDisabledException>(() => env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None));

        Assert.Equal(ScraperErrorCodes.ScrapersDisabled, error.Code);
        Assert.Contains("no credentials", error.Message, StringComparison.Ordinal);
        Assert.Empty(env.Provider.RefreshCalls());
    }

    [Fact]
    public async Task Regions_become_stale_after_the_configured_age_without_success()
    {
        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        env.Provider.RegionErrors["r1"] = new FakeCloudException("Throttling", transient: true);

        env.Time.Advance(TimeSpan.FromMinutes(29));
        await env.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);
        Assert.False(env.Status.Find(env.Key("r1"))!.IsStale);

        env.Time.Advance(TimeSpan.FromMinutes(2));
        await env.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);

        var r1 = env.Status.Find(env.Key("r1"))!;
        Assert.True(r1.IsStale);
        Assert.True(r1.Kinds.Single(k => k.Kind == RefreshKind.SpotPricesAndStock).IsStale);
        Assert.False(r1.Kinds.Single(k => k.Kind == RefreshKind.OnDemandPrices).IsStale);
        Assert.False(env.Status.Find(env.Key("r2"))!.IsStale);
    }

    [Fact]
    public async Task A_snapshot_region_counts_from_its_own_timestamp_until_refreshed()
    {
        var region = Catalogs.Region("r1");
        await env.Catalog.PublishAsync(Catalogs.Snapshot("fake", region, ScraperTestEnvironment.Start.AddDays(-3)), CancellationToken.None);
        env.Provider.RegionErrors["r1"] = new FakeCloudException("Throttling", transient: true);

        await env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);

        var status = env.Status.Find(env.Key("r1"))!;
        Assert.True(status.IsStale);
        Assert.Equal(ScraperTestEnvironment.Start.AddDays(-3), status.CatalogUpdatedAt);
    }
}
