namespace Recommender.Scrapers.Status;

/// <summary>Whether the scrapers run in this process, and on which job store.</summary>
/// <param name="Reason">For <see cref="ScraperMode.Disabled"/>, e.g. <c>scrapers disabled: no credentials for account 'alibaba'</c>.</param>
/// <param name="JobStore"><c>memory</c> or <c>postgresql</c> (clustered).</param>
public sealed record ScraperState(ScraperMode Mode, string? Reason, string JobStore, string? SchedulerInstanceId);
