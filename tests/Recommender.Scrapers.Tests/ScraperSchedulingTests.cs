using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Scheduling;
using Recommender.Scrapers.Status;
using Recommender.Scrapers.Tests.Builders;
using Recommender.Scrapers.Tests.Fakes;

namespace Recommender.Scrapers.Tests;

/// <summary>The real Quartz scheduler on the in-memory store, and the conditions that keep it off.</summary>
public sealed class ScraperSchedulingTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Scrapers:MaxJitter"] = "00:00:00",
        ["Scrapers:Quartz:InstanceName"] = "scheduling-tests",
    };

    [Fact]
    public async Task In_memory_schedule_has_one_job_per_kind_with_do_nothing_misfires_and_runs_them()
    {
        var provider = new FakeCloudProvider(TimeProvider.System);
        provider.Regions.AddRange([Catalogs.Region("r1"), Catalogs.Region("r2")]);
        await using var host = new ScraperHost(Settings, provider, Credentials());

        await host.StartAsync();

        Assert.Equal(new ScraperState(ScraperMode.Running, null, "memory", host.Scrapers.Scheduler!.SchedulerInstanceId), host.Status.State);
        var scheduler = host.Scrapers.Scheduler!;
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScraperSchedule.Group));
        Assert.Equal(4, jobs.Count);
        foreach (var kind in Enum.GetValues<RefreshKind>())
        {
            var key = ScraperSchedule.RefreshJobKey(kind);
            Assert.True((await scheduler.GetJobDetail(key))!.ConcurrentExecutionDisallowed);
            var trigger = Assert.IsAssignableFrom<ICalendarIntervalTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(key)));
            Assert.Equal(CalendarIntervalTriggerMisfireInstruction.DoNothing, trigger.MisfireInstruction);
            Assert.Equal(TimeSpan.FromMinutes(1), trigger.MisfireThreshold);
        }

        // Discovery runs once at start and fills every region we hold nothing for.
        await Eventually.WaitUntilAsync(() => host.Catalog.Current.Regions.Count == 2, "discovery filled both regions");
        Assert.All(provider.RefreshCalls(), c => Assert.Equal(RefreshKind.Full, c.Kind));

        await scheduler.TriggerJob(ScraperSchedule.RefreshJobKey(RefreshKind.SpotPricesAndStock));
        await Eventually.WaitUntilAsync(() => provider.RefreshCalls(RefreshKind.SpotPricesAndStock).Count == 2, "spot job refreshed both regions");
        await Eventually.WaitUntilAsync(
            () => host.Status.GetRegions().All(r => r.Kinds.Single(k => k.Kind == RefreshKind.SpotPricesAndStock).LastSuccessAt is not null),
            "spot status recorded");
    }

    [Fact]
    public async Task Cron_cadences_become_cron_triggers_with_do_nothing_misfires()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Scrapers:Cadence:Full"] = "0 0 */6 * * ?" };
        await using var host = new ScraperHost(settings, new FakeCloudProvider(TimeProvider.System), Credentials());

        await host.StartAsync();

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(
            Assert.Single(await host.Scrapers.Scheduler!.GetTriggersOfJob(ScraperSchedule.RefreshJobKey(RefreshKind.Full))));
        Assert.Equal("0 0 */6 * * ?", trigger.CronExpressionString);
        Assert.Equal(CronTriggerMisfireInstruction.DoNothing, trigger.MisfireInstruction);
    }

    [Fact]
    public async Task Stopping_the_host_cancels_running_refreshes_cleanly()
    {
        var provider = new FakeCloudProvider(TimeProvider.System);
        provider.Regions.AddRange([Catalogs.Region("r1"), Catalogs.Region("r2")]);
        await using var host = new ScraperHost(Settings, provider, Credentials());
        await host.StartAsync();
        await Eventually.WaitUntilAsync(() => host.Catalog.Current.Regions.Count == 2, "discovery filled both regions");
        var kept = host.Catalog.Current.Find(new("fake", "r1"));
        provider.Delay = TimeSpan.FromMinutes(10);

        await host.Scrapers.Scheduler!.TriggerJob(ScraperSchedule.RefreshJobKey(RefreshKind.OnDemandPrices));
        await Eventually.WaitUntilAsync(() => provider.InFlight == 2, "both refreshes running");
        // Without job interruption on shutdown this would wait out the provider's ten minutes.
        await host.Scrapers.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ScraperMode.Stopped, host.Status.State.Mode);
        Assert.Same(kept, host.Catalog.Current.Find(new("fake", "r1")));
        Assert.All(host.Status.GetRegions(), r =>
            Assert.Equal(ScraperErrorCodes.RefreshCancelled, r.Kinds.Single(k => k.Kind == RefreshKind.OnDemandPrices).LastError?.Code));
    }

    [Fact]
    public async Task An_unreachable_job_store_leaves_the_service_up_with_the_scrapers_failed()
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Scrapers:PostgreSql"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=2",
        };
        await using var host = new ScraperHost(settings, new FakeCloudProvider(TimeProvider.System), Credentials());

        await host.StartAsync();

        Assert.Equal(ScraperMode.Failed, host.Status.State.Mode);
        Assert.Equal("postgresql", host.Status.State.JobStore);
        Assert.StartsWith("scrapers failed to start: ", host.Status.State.Reason, StringComparison.Ordinal);
        Assert.Null(host.Scrapers.Scheduler);
    }

    public static TheoryData<string, string> DisabledCases() => new()
    {
        { "no provider", "scrapers disabled: no cloud provider registered" },
        { "no credential source", "scrapers disabled: no credentials (no credential source registered)" },
        { "no credentials", "scrapers disabled: no credentials for account 'alibaba'" },
        { "switched off", "scrapers disabled: Scrapers:Enabled is false" },
    };

    [Theory]
    [MemberData(nameof(DisabledCases))]
    public async Task Without_provider_or_credentials_the_scrapers_stay_off_and_say_why(string @case, string reason)
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Scrapers:Enabled"] = @case == "switched off" ? "false" : "true" };
        var provider = @case == "no provider" ? null : new FakeCloudProvider(TimeProvider.System);
        var credentials = @case switch
        {
            "no credential source" => null,
            "no credentials" => new FakeCredentialSource(),
            _ => Credentials(),
        };
        await using var host = new ScraperHost(settings, provider, credentials);

        await host.StartAsync();

        Assert.Equal(new ScraperState(ScraperMode.Disabled, reason, "memory", null), host.Status.State);
        Assert.Null(host.Scrapers.Scheduler);
        Assert.Empty(provider?.Calls ?? []);
        var refresher = host.Services.GetRequiredService<Refresh.CatalogRefresher>();
        await Assert.ThrowsAsync<ScrapersDisabledException>(() => refresher.RefreshNowAsync("fake", "r1", RefreshKind.Full, CancellationToken.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Credentials_that_arrive_later_start_the_scrapers_without_a_restart(bool sourceDownAtStart)
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Scrapers:CredentialRecheck"] = "00:00:00.050" };
        var credentials = new FakeCredentialSource { Failure = sourceDownAtStart ? new IOException("vault sealed") : null };
        await using var host = new ScraperHost(settings, new FakeCloudProvider(TimeProvider.System), credentials);

        await host.StartAsync();
        Assert.Equal(ScraperMode.Disabled, host.Status.State.Mode);
        Assert.Equal(
            sourceDownAtStart ? "scrapers disabled: credentials for account 'alibaba' unavailable: vault sealed" : "scrapers disabled: no credentials for account 'alibaba'",
            host.Status.State.Reason);

        credentials.Failure = null;
        credentials.Accounts["alibaba"] = new CloudCredentials("AK", "secret");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (host.Status.State.Mode != ScraperMode.Running && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Equal(ScraperMode.Running, host.Status.State.Mode);
        Assert.NotNull(host.Scrapers.Scheduler);
    }

    [Fact]
    public async Task Stopping_after_the_host_disposed_the_service_is_quiet()
    {
        // WebApplicationFactory disposes services before stopping them; the credential recheck must end either way.
        await using var host = new ScraperHost(Settings, new FakeCloudProvider(TimeProvider.System), new FakeCredentialSource());
        await host.StartAsync();

        host.Scrapers.Dispose();
        await host.Scrapers.StopAsync(CancellationToken.None);

        Assert.Equal(ScraperMode.Disabled, host.Status.State.Mode);
    }

    [Fact]
    public async Task Switched_off_scrapers_do_not_come_back_on_their_own()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Scrapers:Enabled"] = "false", ["Scrapers:CredentialRecheck"] = "00:00:00.020" };
        await using var host = new ScraperHost(settings, new FakeCloudProvider(TimeProvider.System), Credentials());

        await host.StartAsync();
        await Task.Delay(200);

        Assert.Equal(ScraperMode.Disabled, host.Status.State.Mode);
        Assert.Null(host.Scrapers.Scheduler);
    }

    private static FakeCredentialSource Credentials()
    {
        var source = new FakeCredentialSource();
        source.Accounts["alibaba"] = new CloudCredentials("AK", "secret");
        return source;
    }
}
