using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>
/// Proves, in the background, the answers given before they were proven: each queued job is solved again with what
/// is left of its request's whole budget (Solver:TimeLimit from its arrival), in a solver slot no request waits for
/// (<see cref="SlotLimitedRecommender.TryRecommendInBackgroundAsync"/>), and the result is folded into the stored
/// recommendation (<see cref="RecommendationMerge"/>: never dearer, bound never lower), which is updated in place with
/// the change recorded. A solve stopped for a request starts again once a slot is free, as long as budget is left.
/// </summary>
/// <remarks>
/// A job is a re-solve from scratch rather than a resumed search: the solver keeps no state between calls, and the
/// answer-time solve is short (Solver:AnswerWithin), so little is repeated. Jobs live in this process: after a restart
/// the records they would have finished show as done (<see cref="StoredRecommendation.ProvingUntil"/> passes) with
/// their answer-time state.
/// </remarks>
public sealed partial class BackgroundProofWorker(
    BackgroundProofQueue queue,
    SlotLimitedRecommender recommender,
    IRecommendationStore store,
    TimeProvider time,
    RecommendationMetrics metrics,
    ProofOptions options,
    ILogger<BackgroundProofWorker> logger) : BackgroundService
{
    /// <summary>Less budget than this left is not worth a solve (building the problem alone takes about a millisecond).</summary>
    private static readonly TimeSpan MinimumSolve = TimeSpan.FromMilliseconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.BackgroundWorkers).Select(_ => Task.Run(() => RunAsync(stoppingToken), stoppingToken)));

    /// <summary>
    /// Improves <paramref name="job"/>'s recommendation until it is proven or its budget is spent, and stores the
    /// final state (nothing proving any more). Returns that state.
    /// </summary>
    public async Task<StoredRecommendation> ProveAsync(ProofJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var current = job.Stored;
        while (Left(job) >= MinimumSolve)
        {
            Recommendation? later;
            try
            {
                // The budget is what is left once the slot is taken: waiting for one is spent budget too.
                var asked = current.Request;
                later = await recommender.TryRecommendInBackgroundAsync(
                        () => Left(job) is var left && left >= MinimumSolve
                            ? asked with { TimeLimitMs = (int)Math.Min(int.MaxValue, Math.Floor(left.TotalMilliseconds)) }
                            : null,
                        job.Catalog,
                        ct)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogProofFailed(logger, e, current.Id);
                break;
            }

            if (later is not null)
            {
                current = Improve(current, later, job);
                break;
            }

            if (Left(job) >= MinimumSolve)
            {
                metrics.RecordProofYield(); // A request needed the slot: try again once one is free.
            }
        }

        var final = current with { ProvingUntil = null };
        metrics.RecordFinal(final.Recommendation.Status);
        try
        {
            await store.UpdateAsync(job.Caller, final, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoreFailed(logger, e, final.Id);
        }

        return final;
    }

    private TimeSpan Left(ProofJob job) => TimeSpan.FromSeconds((job.Deadline - time.GetTimestamp()) / (double)time.TimestampFrequency);

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            ProofJob job;
            try
            {
                job = await queue.DequeueAsync(ct).ConfigureAwait(false);
                await ProveAsync(job, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return; // Shutting down: unfinished records show as done once their ProvingUntil passes.
            }
        }
    }

    /// <summary><paramref name="current"/> with <paramref name="later"/> folded in, and the change recorded.</summary>
    private StoredRecommendation Improve(StoredRecommendation current, Recommendation later, ProofJob job)
    {
        var merged = RecommendationMerge.Merge(current.Recommendation, later, current.Request.Alternatives);
        var now = time.GetUtcNow();
        if (RecommendationMerge.Improvement(current.Recommendation, merged, now) is not { } improvement)
        {
            return current with { Recommendation = merged };
        }

        var proven = current.ProvenAt is null && RecommendationMerge.IsProven(merged);
        if (proven)
        {
            metrics.RecordProof(time.GetElapsedTime(job.ReceivedAt), inBackground: true);
        }

        return current with
        {
            Recommendation = merged,
            Improvements = [.. current.Improvements, improvement],
            ProvenAt = proven ? now : current.ProvenAt,
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The background proof of recommendation {Id} failed; it keeps its answer-time state")]
    private static partial void LogProofFailed(ILogger logger, Exception exception, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The background proof of recommendation {Id} could not be stored")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string id);
}
