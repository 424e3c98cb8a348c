using Microsoft.Extensions.Logging;
using Quartz;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Refresh;

namespace Recommender.Scrapers.Scheduling;

/// <summary>
/// One scheduled refresh of every region for the <see cref="RefreshKind"/> in the job data. Cluster-wide, a job key
/// never runs twice at once; a run that overlaps the next slot makes that slot misfire, and misfires are skipped.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RefreshCatalogJob(CatalogRefresher refresher, RefreshJitter jitter, ILogger<RefreshCatalogJob> logger) : IJob
{
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = Enum.Parse<RefreshKind>(context.MergedJobDataMap.GetString(KindKey)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} has no '{KindKey}' in its data."));
        try
        {
            await jitter.DelayAsync(cancellationToken).ConfigureAwait(false);
            var summary = await refresher.RefreshAllAsync(kind, cancellationToken).ConfigureAwait(false);
            // Listeners tell a finished refresh from one that shutdown cut short (that one leaves no result).
            context.Result = summary;
            LogDone(kind, summary.Succeeded.Count, summary.Failed.Count, summary.Skipped.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} refresh: {Succeeded} regions refreshed, {Failed} failed, {Skipped} no longer listed")]
    private partial void LogDone(RefreshKind kind, int succeeded, int failed, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} refresh stopped by shutdown")]
    private partial void LogStopped(RefreshKind kind);
}
