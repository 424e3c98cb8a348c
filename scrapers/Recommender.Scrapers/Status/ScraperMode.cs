namespace Recommender.Scrapers.Status;

public enum ScraperMode
{
    /// <summary>The host has not started the scrapers yet.</summary>
    NotStarted,

    /// <summary>The schedule runs.</summary>
    Running,

    /// <summary>Off for good in this process (configuration, no provider or no credentials); see the reason.</summary>
    Disabled,

    /// <summary>The scheduler could not start (e.g. the job store is unreachable); the service serves what it holds.</summary>
    Failed,

    /// <summary>The host stopped the schedule.</summary>
    Stopped,
}
