using System.Diagnostics.Metrics;
using GraphQL;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>
/// The recommendation service's instruments on the <c>Recommender.Recommendations</c> meter (exported on /metrics as
/// <c>recommender_recommendations_*</c>): solves by status, solve time, gap, queue wait for a solver slot, SOLVER_BUSY
/// and quota refusals, answers by status when given and when final, time to proof, the background proof queue, and the
/// store (places held, pending, failed and short-circuited calls, breaker state), the latter read from
/// <see cref="IRecommendationStoreStatus"/> at collection time. Enum tags use the GraphQL spelling.
/// </summary>
public sealed class RecommendationMetrics : ISolveObserver, IDisposable
{
    public const string MeterName = "Recommender.Recommendations";

    private readonly Meter meter;
    private readonly bool ownsMeter;
    private readonly Counter<long> solves;
    private readonly Histogram<double> solveDuration;
    private readonly Histogram<double> gap;
    private readonly Histogram<double> queueWait;
    private readonly Counter<long> solverBusy;
    private readonly Counter<long> quotaRefusals;
    private readonly Counter<long> answers;
    private readonly Counter<long> finalAnswers;
    private readonly Histogram<double> proofDuration;
    private readonly Counter<long> proofRefused;
    private readonly Counter<long> proofYields;

    /// <param name="meterFactory">The host's factory when it has one (so its exporters see the meter), else a private meter.</param>
    /// <param name="proofQueue">The background proof queue whose depth is observed; none: no depth is reported.</param>
    public RecommendationMetrics(IRecommendationStoreStatus store, IMeterFactory? meterFactory = null, BackgroundProofQueue? proofQueue = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        solves = meter.CreateCounter<long>("solves", "{solve}", "Finished solves by answer status.");
        solveDuration = meter.CreateHistogram<double>(
            "solve.duration", "s", "Time one solve took, from getting a solver slot to the answer.");
        gap = meter.CreateHistogram<double>("solve.gap", "1", "Relative gap of answers with a known lower bound: (price - bound) / price.");
        queueWait = meter.CreateHistogram<double>("queue.wait", "s", "Wait for a solver slot, by outcome (acquired or busy).");
        solverBusy = meter.CreateCounter<long>("solver_busy", "{request}", "Requests answered SOLVER_BUSY.");
        quotaRefusals = meter.CreateCounter<long>(
            "quota_refusals", "{request}", "Requests refused with RECOMMENDATION_QUOTA_EXCEEDED, by scope.");
        answers = meter.CreateCounter<long>("answers", "{answer}", "Answers given, by status at answer time (the caller's clock).");
        finalAnswers = meter.CreateCounter<long>(
            "answers.final", "{answer}", "Answers by status once final: at answer time when proven or waited for, else when the background proof ends.");
        proofDuration = meter.CreateHistogram<double>(
            "proof.duration", "s", "From a request's arrival to its proof (OPTIMAL or INFEASIBLE), by phase (answer: within the answer time; background).");
        proofRefused = meter.CreateCounter<long>(
            "proof.refused", "{answer}", "Unproven answers not continued in the background because its queue was full.");
        proofYields = meter.CreateCounter<long>(
            "proof.yields", "{solve}", "Background solves stopped to give their solver slot to a request (then started again).");
        if (proofQueue is not null)
        {
            meter.CreateObservableGauge("proof.queue_depth", () => proofQueue.Depth, "{answer}", "Unproven answers waiting for a background worker.");
        }

        meter.CreateObservableGauge("stored", () => Stored(store.GetHealth()), "{recommendation}",
            "Places held by the store (answers and reservations): counted in memory, or the Redis total this replica last saw.");
        meter.CreateObservableGauge("store.pending", () => Tagged(store.GetHealth(), h => h.Pending), "{recommendation}",
            "Answers kept on this replica until the remote store takes them.");
        meter.CreateObservableCounter("store.failures", () => Failures(store.GetHealth()), "{call}",
            "Remote store calls that failed, by reason (timeout: cut at Recommendations:StoreTimeout; error).");
        meter.CreateObservableCounter("store.short_circuited", () => Tagged(store.GetHealth(), h => h.ShortCircuitedCalls), "{call}",
            "Calls answered without the remote store because its circuit breaker was open.");
        meter.CreateObservableGauge("store.breaker_state", () => BreakerState(store.GetHealth()), "{state}",
            "Circuit breaker of the remote store: 0 closed, 1 half-open (probing), 2 open.");
    }

    public Meter Meter => meter;

    void ISolveObserver.Solved(RecommendationStatus status, TimeSpan elapsed, double? relativeGap) => RecordSolve(status, elapsed, relativeGap);

    void ISolveObserver.Queued(TimeSpan waited, bool acquired) => RecordQueueWait(waited, acquired);

    public void RecordSolve(RecommendationStatus status, TimeSpan elapsed, double? relativeGap)
    {
        var tag = new KeyValuePair<string, object?>("status", status.ToString().ToConstantCase());
        solves.Add(1, tag);
        solveDuration.Record(elapsed.TotalSeconds, tag);
        if (relativeGap is { } g)
        {
            gap.Record(g, tag);
        }
    }

    public void RecordQueueWait(TimeSpan waited, bool acquired)
    {
        queueWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("outcome", acquired ? "acquired" : "busy"));
        if (!acquired)
        {
            solverBusy.Add(1);
        }
    }

    /// <summary>An answer was given with <paramref name="status"/>; <paramref name="final"/>: no background proof follows.</summary>
    public void RecordAnswer(RecommendationStatus status, bool final)
    {
        answers.Add(1, StatusTag(status));
        if (final)
        {
            RecordFinal(status);
        }
    }

    /// <summary>A background proof ended (proven, out of time, or failed) with <paramref name="status"/>.</summary>
    public void RecordFinal(RecommendationStatus status) => finalAnswers.Add(1, StatusTag(status));

    /// <summary>An answer was proven <paramref name="elapsed"/> after its request arrived, in the foreground or not.</summary>
    public void RecordProof(TimeSpan elapsed, bool inBackground) =>
        proofDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("phase", inBackground ? "background" : "answer"));

    public void RecordProofRefused() => proofRefused.Add(1);

    public void RecordProofYield() => proofYields.Add(1);

    public void RecordQuotaRefusal(QuotaScope scope) =>
        quotaRefusals.Add(1, new KeyValuePair<string, object?>("scope", scope.ToString().ToConstantCase()));

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }

    private static KeyValuePair<string, object?> StatusTag(RecommendationStatus status) => new("status", status.ToString().ToConstantCase());

    private static KeyValuePair<string, object?> StoreTag(RecommendationStoreHealth health) => new("store", health.Kind);

    private static IEnumerable<Measurement<long>> Stored(RecommendationStoreHealth health) =>
        health.Stored is { } stored ? [new Measurement<long>(stored, StoreTag(health))] : [];

    private static IEnumerable<Measurement<long>> Tagged(RecommendationStoreHealth health, Func<RecommendationStoreHealth, long> value) =>
        health.Breaker is null ? [] : [new Measurement<long>(value(health), StoreTag(health))];

    private static IEnumerable<Measurement<long>> Failures(RecommendationStoreHealth health) => health.Breaker is null ? [] :
    [
        new Measurement<long>(health.TimedOutCalls, StoreTag(health), new("reason", "timeout")),
        new Measurement<long>(health.FailedCalls, StoreTag(health), new("reason", "error")),
    ];

    private static IEnumerable<Measurement<int>> BreakerState(RecommendationStoreHealth health) => health.Breaker switch
    {
        CircuitState.Closed => [new Measurement<int>(0, StoreTag(health))],
        CircuitState.HalfOpen => [new Measurement<int>(1, StoreTag(health))],
        CircuitState.Open => [new Measurement<int>(2, StoreTag(health))],
        _ => [],
    };
}
