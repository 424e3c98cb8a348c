namespace Recommender.Api.Recommendations;

/// <summary>
/// Writes the recommendations a replica kept during a store outage once the store answers again, and probes the store
/// meanwhile so its state (and /readyz) recovers without traffic. Looks every <c>period</c>; the breaker decides when the
/// store is actually tried.
/// </summary>
public sealed partial class PendingRecommendationWriter(
    ResilientRecommendationStore store, TimeProvider time, TimeSpan period, ILogger<PendingRecommendationWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await store.FlushAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store's own failures are handled inside; this is a bug, and the next tick tries again.
                    LogFlushFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the pending recommendations failed")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
