using Recommender.Solver;

namespace Recommender.Api.Recommendations;

/// <summary>
/// Loads OR-Tools' native library and JITs the solve path in the background at start-up, so the first request does
/// not pay for it and start-up is not delayed.
/// </summary>
public sealed partial class SolverWarmUpService(ILogger<SolverWarmUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Run(CpSatRecommender.WarmUp, stoppingToken).ConfigureAwait(false);
            LogWarmedUp(logger);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The first solve will then load the library itself (and fail the same way if it is missing).
            LogWarmUpFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CP-SAT solver warmed up")]
    private static partial void LogWarmedUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "CP-SAT warm-up failed")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
