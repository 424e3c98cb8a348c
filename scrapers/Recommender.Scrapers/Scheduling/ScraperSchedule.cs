using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Recommender.Core.Cloud;

namespace Recommender.Scrapers.Scheduling;

/// <summary>Jobs and triggers of the scrapers: one refresh job per <see cref="RefreshKind"/>, plus region discovery.</summary>
public static class ScraperSchedule
{
    public const string Group = "recommender-scrapers";
    public const string DiscoveryJobName = "discover-regions";

    public static JobKey RefreshJobKey(RefreshKind kind) => new($"refresh-{kind}", Group);

    public static JobKey DiscoveryJobKey { get; } = new(DiscoveryJobName, Group);

    public static void Configure(IQuartzBuilder quartz, ScraperOptions options)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var kind in Enum.GetValues<RefreshKind>())
        {
            var key = RefreshJobKey(kind);
            var cadence = Cadence.Parse($"Scrapers:Cadence:{kind}", options.Cadence.For(kind));
            quartz.AddJob<RefreshCatalogJob>(j => j.WithIdentity(key).UsingJobData(RefreshCatalogJob.KindKey, kind.ToString())
                .StoreDurably().RequestRecovery());
            quartz.AddTrigger((services, t) => Schedule(t.ForJob(key), key, cadence, options, Now(services)));
        }

        var discovery = Cadence.Parse("Scrapers:Cadence:Regions", options.Cadence.Regions);
        quartz.AddJob<DiscoverRegionsJob>(j => j.WithIdentity(DiscoveryJobKey).StoreDurably().RequestRecovery());
        quartz.AddTrigger((services, t) => Schedule(t.ForJob(DiscoveryJobKey), null, discovery, options, Now(services)));
    }

    /// <summary>
    /// Interval triggers start on a slot aligned to the Unix epoch plus an offset hashed from the job key, so every
    /// replica (and every restart) computes the same slots, and the jobs of different kinds do not fire together.
    /// A null key starts now (discovery: run once at start).
    /// </summary>
    public static DateTimeOffset FirstSlot(JobKey? key, TimeSpan interval, DateTimeOffset now)
    {
        if (key is null)
        {
            return now;
        }

        var offsetTicks = (long)(StableHash(key.ToString()) % (ulong)interval.Ticks);
        // Whole seconds, because Quartz stores fire times in milliseconds and the slots must match on every replica.
        offsetTicks -= offsetTicks % TimeSpan.TicksPerSecond;
        var anchor = DateTimeOffset.UnixEpoch.AddTicks(offsetTicks);
        var slots = (now - anchor).Ticks / interval.Ticks + 1;
        return anchor.AddTicks(slots * interval.Ticks);
    }

    private static ITriggerConfigurator<IJob> Schedule(
        ITriggerConfigurator<IJob> trigger, JobKey? key, Cadence cadence, ScraperOptions options, DateTimeOffset now)
    {
        var name = key?.Name ?? DiscoveryJobName;
        trigger.WithIdentity($"{name}-trigger", Group).WithMisfireThreshold(options.Quartz.MisfireThreshold);
        if (cadence.Cron is not null)
        {
            return trigger.StartNow()
                .WithCronSchedule(cadence.Cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing).InTimeZone(TimeZoneInfo.Utc));
        }

        var interval = cadence.Interval!.Value;
        return trigger.StartAt(FirstSlot(key, interval, now))
            .WithCalendarIntervalSchedule(c => c.WithInterval((int)interval.TotalSeconds, IntervalUnit.Second)
                .WithMisfireInstruction(CalendarIntervalTriggerMisfireInstruction.DoNothing));
    }

    private static DateTimeOffset Now(IServiceProvider services) => services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>FNV-1a: string.GetHashCode is randomized per process, and replicas must agree.</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
