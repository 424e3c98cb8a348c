using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Scrapers.Refresh;
using Recommender.Scrapers.Status;
using Recommender.Scrapers.Tests.Builders;

namespace Recommender.Scrapers.Tests;

/// <summary>One flight per region (scheduled and on demand), and the per-region limit of on-demand refreshes.</summary>
public sealed class RefreshCoalescingTests : IDisposable
{
    private static readonly TimeSpan ProviderDelay = TimeSpan.FromSeconds(10);

    private readonly ScraperTestEnvironment env = new ScraperTestEnvironment().WithRegions("r1", "r2", "r3");

    public void Dispose() => env.Dispose();

    [Fact]
    public async Task Concurrent_on_demand_refreshes_of_a_region_make_one_provider_call()
    {
        await env.Refresher.DiscoverRegionsAsync(CancellationToken.None);
        env.Provider.Delay = ProviderDelay;

        var callers = Enumerable.Range(0, 20)
            .Select(_ => env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None)).ToList();
        await Eventually.WaitUntilAsync(() => env.Provider.InFlight == 1, "the refresh running");
        env.Time.Advance(ProviderDelay);
        var statuses = await Eventually.CompletesAsync(Task.WhenAll(callers), "every caller answered");

        Assert.Single(env.Provider.RefreshCalls());
        Assert.All(statuses, s => Assert.Equal(ScraperTestEnvironment.Start.Add(ProviderDelay), Kind(s, RefreshKind.Full).LastSuccessAt));
    }

    [Fact]
    public async Task A_full_refresh_in_flight_satisfies_narrower_requests_for_the_region()
    {
        await env.Refresher.DiscoverRegionsAsync(CancellationToken.None);
        env.Provider.Delay = ProviderDelay;

        var full = env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);
        var spot = env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.SpotPricesAndStock, CancellationToken.None);
        var prices = env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.OnDemandPrices, CancellationToken.None);
        await Eventually.WaitUntilAsync(() => env.Provider.InFlight == 1, "the full refresh running");
        env.Time.Advance(ProviderDelay);
        await Eventually.CompletesAsync(Task.WhenAll(full, spot, prices), "every caller answered");

        Assert.Equal([RefreshKind.Full], env.Provider.RefreshCalls().Select(c => c.Kind));
        // The narrower kinds are fresh through the full refresh, not through a history of their own.
        var status = await spot;
        Assert.False(status.IsStale);
        Assert.Null(Kind(status, RefreshKind.SpotPricesAndStock).LastAttemptAt);
    }

    [Fact]
    public async Task A_narrower_refresh_in_flight_does_not_satisfy_a_full_one_which_runs_after_it()
    {
        using var one = new ScraperTestEnvironment().WithRegions("r1");
        await one.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        one.Provider.Delay = ProviderDelay;

        var spot = one.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);
        await Eventually.WaitUntilAsync(() => one.Provider.InFlight == 1, "the spot refresh running");
        var full = one.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);
        one.Time.Advance(ProviderDelay);
        await spot;
        await Eventually.WaitUntilAsync(() => one.Provider.InFlight == 1, "the full refresh running");
        one.Time.Advance(ProviderDelay);
        await full;

        Assert.Equal([RefreshKind.Full, RefreshKind.SpotPricesAndStock, RefreshKind.Full], one.Provider.RefreshCalls().Select(c => c.Kind));
        Assert.Equal(1, one.Provider.MaxInFlight);
    }

    [Fact]
    public async Task A_scheduled_refresh_joins_an_on_demand_one_that_covers_it()
    {
        using var one = new ScraperTestEnvironment().WithRegions("r1");
        await one.Refresher.DiscoverRegionsAsync(CancellationToken.None);
        one.Provider.Delay = ProviderDelay;

        var onDemand = one.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);
        await Eventually.WaitUntilAsync(() => one.Provider.InFlight == 1, "the on-demand refresh running");
        var scheduled = one.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);
        // The scheduled refresh enters on a pool thread: let it join before the on-demand one can finish.
        await Eventually.WaitUntilAsync(() => one.Refresher.JoinedRefreshes == 1, "the scheduled refresh joining");
        one.Time.Advance(ProviderDelay);
        await onDemand;
        var summary = await Eventually.CompletesAsync(scheduled, "the scheduled refresh");

        Assert.Equal(["r1"], summary.Succeeded.Select(k => k.Region));
        Assert.Equal([RefreshKind.Full], one.Provider.RefreshCalls().Select(c => c.Kind));
    }

    [Fact]
    public async Task Within_the_interval_an_on_demand_call_still_joins_a_running_refresh()
    {
        await env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);
        env.Time.Advance(TimeSpan.FromSeconds(10));
        env.Provider.Delay = ProviderDelay;

        var scheduled = env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        await Eventually.WaitUntilAsync(() => env.Provider.InFlight == 3, "the scheduled refreshes running");
        var joined = env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.SpotPricesAndStock, CancellationToken.None);
        env.Time.Advance(ProviderDelay);
        await scheduled;
        var status = await Eventually.CompletesAsync(joined, "the joined call");

        Assert.Equal(2, env.Provider.RefreshCalls().Count(c => c.Region == "r1"));
        Assert.Equal(ScraperTestEnvironment.Start.AddSeconds(20), Kind(status, RefreshKind.Full).LastSuccessAt);
    }

    [Fact]
    public async Task A_second_on_demand_refresh_within_the_interval_is_refused_without_calling_the_provider()
    {
        await env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);
        env.Time.Advance(TimeSpan.FromSeconds(45));

        var error = await Assert.ThrowsAsync<RefreshRateLimitedException>(
            () => env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.SpotPricesAndStock, CancellationToken.None));

        Assert.Equal(ScraperErrorCodes.RefreshRateLimited, error.Code);
        Assert.True(error.IsTransient);
        Assert.Equal(env.Key("r1"), error.Region);
        Assert.Equal(TimeSpan.FromSeconds(15), error.RetryAfter);
        Assert.Equal(15, error.RetryAfterSeconds);
        Assert.Equal(ScraperTestEnvironment.Start.AddMinutes(1), error.NextAllowedAt);
        Assert.Contains("fake/r1", error.Message, StringComparison.Ordinal);
        Assert.Single(env.Provider.RefreshCalls());
        Assert.Null(env.Status.Find(env.Key("r1"))!.Kinds.Single(k => k.Kind == RefreshKind.SpotPricesAndStock).LastAttemptAt);

        // Each region has its own budget.
        await env.Refresher.RefreshNowAsync("fake", "r2", RefreshKind.Full, CancellationToken.None);
        Assert.Equal(["r1", "r2"], env.Provider.RefreshCalls().Select(c => c.Region));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task After_the_configured_interval_an_on_demand_refresh_is_allowed_again(int minutes)
    {
        using var limited = new ScraperTestEnvironment(o => o.OnDemandRefreshInterval = TimeSpan.FromMinutes(minutes)).WithRegions("r1");
        await limited.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);

        limited.Time.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<RefreshRateLimitedException>(
            () => limited.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None));
        Assert.Equal(1, error.RetryAfterSeconds);

        limited.Time.Advance(TimeSpan.FromSeconds(1));
        await limited.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);

        Assert.Equal(2, limited.Provider.RefreshCalls().Count);
    }

    [Fact]
    public async Task A_failed_on_demand_refresh_counts_against_the_interval_too()
    {
        env.Provider.RegionErrors["r1"] = new Fakes.FakeCloudException("Throttling", transient: true);
        await env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);

        await Assert.ThrowsAsync<RefreshRateLimitedException>(() => env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None));

        Assert.Single(env.Provider.RefreshCalls());
    }

    [Fact]
    public async Task Scheduled_refreshes_are_not_rate_limited()
    {
        await env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);

        var summary = await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        await env.Refresher.RefreshAllAsync(RefreshKind.SpotPricesAndStock, CancellationToken.None);

        Assert.Equal(["r1", "r2", "r3"], summary.Succeeded.Select(k => k.Region));
        Assert.Equal(3, env.Provider.RefreshCalls().Count(c => c.Region == "r1"));
    }

    [Fact]
    public async Task A_caller_that_joined_can_stop_waiting_while_the_refresh_goes_on()
    {
        await env.Refresher.DiscoverRegionsAsync(CancellationToken.None);
        env.Provider.Delay = ProviderDelay;
        using var leaving = new CancellationTokenSource();

        var starter = env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None);
        var joiner = env.Refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, leaving.Token);
        await Eventually.WaitUntilAsync(() => env.Provider.InFlight == 1, "the refresh running");
        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => joiner);
        env.Time.Advance(ProviderDelay);
        var status = await starter;
        Assert.NotNull(Kind(status, RefreshKind.Full).LastSuccessAt);
        Assert.Single(env.Provider.RefreshCalls());
    }

    [Fact]
    public async Task Invented_region_names_cost_at_most_one_discovery_per_interval()
    {
        env.Provider.Delay = ProviderDelay;
        var callers = Enumerable.Range(0, 10)
            .Select(i => env.Refresher.RefreshNowAsync("fake", $"invented-{i}", RefreshKind.Full, CancellationToken.None)).ToList();
        await Eventually.WaitUntilAsync(() => env.Provider.InFlight == 1, "the discovery running");
        env.Time.Advance(ProviderDelay);
        foreach (var caller in callers)
        {
            await Assert.ThrowsAsync<NotFoundException>(() => caller);
        }

        env.Provider.Delay = TimeSpan.Zero;
        env.Provider.Regions.Add(Catalogs.Region("r4"));
        env.Time.Advance(TimeSpan.FromSeconds(49));
        await Assert.ThrowsAsync<NotFoundException>(() => env.Refresher.RefreshNowAsync("fake", "r4", RefreshKind.Full, CancellationToken.None));
        Assert.Single(env.Provider.Calls, c => c.Method == "GetRegionsAsync");

        env.Time.Advance(TimeSpan.FromSeconds(1));
        await env.Refresher.RefreshNowAsync("fake", "r4", RefreshKind.Full, CancellationToken.None);
        Assert.Equal(2, env.Provider.Calls.Count(c => c.Method == "GetRegionsAsync"));
        Assert.Equal(["r4"], env.Provider.RefreshCalls().Select(c => c.Region));
    }

    private static RefreshKindStatus Kind(RegionRefreshStatus status, RefreshKind kind) => status.Kinds.Single(k => k.Kind == kind);
}
