using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Xunit.Abstractions;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Refresh;
using Recommender.Scrapers.Scheduling;
using Recommender.Scrapers.Status;
using Recommender.Scrapers.Tests.Builders;
using Recommender.Scrapers.Tests.Fakes;

namespace Recommender.Scrapers.Tests.Cluster;

/// <summary>Two scheduler nodes (same InstanceName, different InstanceIds) on one real PostgreSQL job store.</summary>
public sealed class ClusteredScheduleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_nodes_share_one_schedule_and_every_fire_runs_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var provider = new FakeCloudProvider(TimeProvider.System);
        provider.Regions.AddRange([Catalogs.Region("r1"), Catalogs.Region("r2")]);
        var credentials = new FakeCredentialSource();
        credentials.Accounts["alibaba"] = new CloudCredentials("AK", "secret");
        var recorder = new FireRecorder();

        await using var nodeA = new ScraperHost(Settings(database, "node-a"), provider, credentials);
        await using var nodeB = new ScraperHost(Settings(database, "node-b"), provider, credentials);
        // Listeners go on before either node starts, so no execution escapes the count. Built one after the other:
        // building provisions the schema and upserts the jobs.
        foreach (var node in new[] { nodeA, nodeB })
        {
            var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            scheduler.ListenerManager.AddJobListener(recorder, [GroupMatcher<JobKey>.GroupEquals(ScraperSchedule.Group)]);
        }

        await nodeA.StartAsync();
        await nodeB.StartAsync();
        Assert.Equal(ScraperMode.Running, nodeA.Status.State.Mode);
        Assert.Equal("postgresql", nodeB.Status.State.JobStore);
        Assert.Equal("node-b", nodeB.Status.State.SchedulerInstanceId);

        var spotTrigger = $"{ScraperSchedule.Group}.{ScraperSchedule.RefreshJobKey(RefreshKind.SpotPricesAndStock).Name}-trigger";
        int SpotFiresOn(string node) => recorder.Executions.Count(e => e.Trigger == spotTrigger && e.Node == node);
        await Eventually.WaitUntilAsync(() => SpotFiresOn("node-a") + SpotFiresOn("node-b") >= 4, "four spot fires", capSeconds: 60);
        // Both nodes are live members of one cluster (one row each in the shared state table).
        Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM scr_scheduler_state WHERE sched_name = 'cluster-test'"));
        // The schema was provisioned on start, under the configured table prefix.
        Assert.Equal(15, await database.ScalarAsync(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'scr\\_%'"));

        // Whichever node was firing stops; the other carries on with the same stored triggers.
        var first = recorder.Executions.Last(e => e.Trigger == spotTrigger).Node;
        var (stopped, survivor) = first == "node-a" ? (nodeA, nodeB) : (nodeB, nodeA);
        var survivorId = first == "node-a" ? "node-b" : "node-a";
        await stopped.Scrapers.StopAsync(CancellationToken.None);
        var survivorBefore = SpotFiresOn(survivorId);
        await Eventually.WaitUntilAsync(() => SpotFiresOn(survivorId) >= survivorBefore + 3, "three spot fires on the other node", capSeconds: 60);
        await survivor.Scrapers.StopAsync(CancellationToken.None);

        var executions = recorder.Executions;
        var perFire = executions.GroupBy(e => (e.Trigger, e.ScheduledAt)).ToList();
        Assert.All(perFire, fire => Assert.True(fire.Count() == 1,
            $"{fire.Key.Trigger} at {fire.Key.ScheduledAt:O} ran {fire.Count()} times, on {string.Join(", ", fire.Select(f => f.Node))}"));
        Assert.Equal(executions.Count, executions.Select(e => e.FireInstanceId).Distinct().Count());
        Assert.All(executions, e => Assert.Contains(e.Node, new[] { "node-a", "node-b" }));
        var spotTimes = executions.Where(e => e.Trigger == spotTrigger).Select(e => e.ScheduledAt!.Value).ToList();
        Assert.Equal(spotTimes.Order(), spotTimes);
        // Every spot execution handled each region exactly once, and nothing ran outside a recorded execution. A region's
        // refresh may be joined rather than called (a still-running refresh covers it: the full fill that discovery
        // starts on each node, on a slow machine), so the provider sees at most, not exactly, two spot calls per execution.
        var spotExecutions = executions.Where(e => e.Trigger == spotTrigger).ToList();
        var refreshes = provider.RefreshCalls(RefreshKind.SpotPricesAndStock).Count;
        output.WriteLine($"{executions.Count} executions: " + string.Join(", ", executions.GroupBy(e => e.Node).Select(g => $"{g.Key} {g.Count()}"))
            + $"; {spotExecutions.Count} spot executions, {refreshes} spot region refreshes");
        Assert.All(spotExecutions, e =>
        {
            var summary = Assert.IsType<RefreshSummary>(e.Result);
            Assert.Equal(["r1", "r2"], summary.Succeeded.Concat(summary.Failed).Select(r => r.Region).Order());
        });
        Assert.InRange(refreshes, 1, spotExecutions.Count * 2);
    }

    private static Dictionary<string, string?> Settings(TestDatabase database, string node) => new()
    {
        ["Scrapers:PostgreSql"] = database.ConnectionString,
        ["Scrapers:MaxJitter"] = "00:00:00",
        ["Scrapers:Cadence:SpotPricesAndStock"] = "00:00:01",
        ["Scrapers:Cadence:OnDemandPrices"] = "00:00:02",
        ["Scrapers:Cadence:Full"] = "01:00:00",
        ["Scrapers:Cadence:Regions"] = "01:00:00",
        ["Scrapers:Quartz:InstanceName"] = "cluster-test",
        ["Scrapers:Quartz:InstanceId"] = node,
        ["Scrapers:Quartz:CheckinInterval"] = "00:00:01",
        ["Scrapers:Quartz:TablePrefix"] = "scr_",
    };
}
