using Microsoft.Extensions.Logging;
using Quartz;
using Recommender.Scrapers.Refresh;

namespace Recommender.Scrapers.Scheduling;

/// <summary>Learns the providers' regions and fills the ones we hold nothing for; also runs once at start.</summary>
[DisallowConcurrentExecution]
public sealed partial class DiscoverRegionsJob(CatalogRefresher refresher, RefreshJitter jitter, ILogger<DiscoverRegionsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await jitter.DelayAsync(cancellationToken).ConfigureAwait(false);
            var filled = await refresher.DiscoverAndFillAsync(cancellationToken).ConfigureAwait(false);
            LogDone(filled.Succeeded.Count, filled.Failed.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Region discovery: {Filled} new regions loaded, {Failed} failed")]
    private partial void LogDone(int filled, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Region discovery stopped by shutdown")]
    private partial void LogStopped();
}
