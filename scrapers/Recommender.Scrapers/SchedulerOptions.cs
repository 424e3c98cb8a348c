namespace Recommender.Scrapers;

/// <summary>Scheduler settings (<c>Scrapers:Quartz</c>). Every replica of one deployment must use the same values.</summary>
public sealed class SchedulerOptions
{
    /// <summary>The cluster's name: replicas with the same name share one schedule.</summary>
    public string InstanceName { get; set; } = "recommender-scrapers";

    /// <summary>This node's id in the cluster; null generates a unique one (host name plus time).</summary>
    public string? InstanceId { get; set; }

    /// <summary>Prefix of the Quartz tables (PostgreSQL folds it to lower case).</summary>
    public string TablePrefix { get; set; } = "qrtz_";

    /// <summary>How often a node checks in; a node silent for twice this long is declared dead and its work recovered.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>A fire later than this is a misfire and is skipped (DoNothing): the next slot runs as planned.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);
}
