using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>
/// Serves recommendations: reserves the answer's place in the store within the caller's quota (refused before any
/// work), solves through the registered <see cref="IRecommender"/> (the solver-slot limit, SOLVER_BUSY, is its
/// decorator <c>SlotLimitedRecommender</c>, shared with every other caller of the solver), and stores the answer under
/// a random id in the reserved place. The answer comes on the caller's clock (timeLimitMs, else Solver:AnswerWithin);
/// when it is not proven yet, it is queued for the <see cref="BackgroundProofWorker"/>, which improves the stored
/// recommendation in place until Solver:TimeLimit from the request's arrival. A request with wait solves in the
/// foreground up to that whole limit instead.
/// </summary>
/// <remarks>
/// A failed store write does not fail the answer: the client still gets the recommendation (and its id) it waited
/// for, and the failure is logged. With Redis the store keeps such answers on this replica until Redis is back
/// (<see cref="ResilientRecommendationStore"/>), so this happens only with a store that has nowhere else to put them.
/// </remarks>
public sealed partial class RecommendationService
{
    private const int IdBytes = 16;

    /// <summary>How long after its budget ends a proving record may still be written (the last update's own time).</summary>
    private static readonly TimeSpan ProofWriteMargin = TimeSpan.FromSeconds(1);

    /// <summary>Less budget than this left after the answer is not worth a background solve.</summary>
    private static readonly TimeSpan MinimumBackground = TimeSpan.FromMilliseconds(5);

    private readonly SlotLimitedRecommender recommender;
    private readonly IRecommendationStore store;
    private readonly TimeProvider time;
    private readonly RecommendationMetrics metrics;
    private readonly ILogger<RecommendationService> logger;
    private readonly RecommendationOptions options;
    private readonly ProofOptions proof;
    private readonly BackgroundProofQueue proofQueue;

    public RecommendationService(
        SlotLimitedRecommender recommender,
        IRecommendationStore store,
        TimeProvider time,
        RecommendationMetrics metrics,
        IOptions<RecommendationOptions> options,
        ProofOptions proof,
        BackgroundProofQueue proofQueue,
        ILogger<RecommendationService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.proof = proof;
        this.proofQueue = proofQueue;
        this.recommender = recommender;
        this.store = store;
        this.time = time;
        this.metrics = metrics;
        this.logger = logger;
        this.options = options.Value;
    }

    /// <summary>
    /// Solves <paramref name="request"/> over <paramref name="catalog"/> (its provider and region) for
    /// <paramref name="caller"/> (an opaque key: whose quota the answer counts against) and stores the answer, for
    /// <paramref name="organization"/> when given (the caller was checked to be a member).
    /// Throws <see cref="RecommendationQuotaExceededException"/> before any work, <see cref="SolverBusyException"/>,
    /// the solver's <see cref="ValidationException"/>, or <see cref="OperationCanceledException"/> when
    /// <paramref name="ct"/> fires.
    /// </summary>
    public async Task<StoredRecommendation> RecommendAsync(
        LayoutRequest request, RegionCatalog catalog, string caller, CancellationToken ct, string? organization = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(caller);
        var id = NewId();
        var received = time.GetTimestamp();
        var reservedAt = time.GetUtcNow();
        // Held for the whole retention, not just the solve: the oldest place's expiry is then a true "retry after" for
        // the requests refused meanwhile (a single request may carry many aliases). Released below if no answer comes.
        var reservation = await store.ReserveAsync(caller, id, reservedAt + options.Retention, ct).ConfigureAwait(false);
        if (!reservation.IsGranted)
        {
            metrics.RecordQuotaRefusal(reservation.RefusedBy!.Value);
            throw new RecommendationQuotaExceededException(
                reservation.RefusedBy.Value, reservation.Limit, options.Retention, reservation.OldestExpiresAt ?? reservedAt, reservedAt);
        }

        Recommendation answer;
        try
        {
            answer = await recommender.RecommendAsync(request with { TimeLimitMs = AnswerBudgetMs(request) }, catalog, ct).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(caller, id).ConfigureAwait(false);
            throw;
        }

        var now = time.GetUtcNow();
        var proven = RecommendationMerge.IsProven(answer);
        var left = proof.TimeLimit - time.GetElapsedTime(received);
        var continued = !proven && !request.Wait && proofQueue.Enabled && left >= MinimumBackground;
        var stored = new StoredRecommendation(id, request, answer, now, now + options.Retention, organization)
        {
            ProvenAt = proven ? now : null,
            ProvingUntil = continued ? now + left + ProofWriteMargin : null,
        };
        if (proven)
        {
            metrics.RecordProof(time.GetElapsedTime(received), inBackground: false);
        }

        try
        {
            await store.SaveAsync(caller, stored, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Nobody will read the id: give the place back rather than hold it for the whole retention.
            await ReleaseAsync(caller, id).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            LogStoreFailed(logger, e, stored.Id);
        }

        // Queued after the save, so the worker's update always finds the record.
        if (continued && !proofQueue.TryEnqueue(new ProofJob(caller, stored, catalog, received, received + (long)(proof.TimeLimit.TotalSeconds * time.TimestampFrequency))))
        {
            stored = await NotContinuedAsync(caller, stored).ConfigureAwait(false);
            continued = false;
        }

        metrics.RecordAnswer(answer.Status, final: !continued);
        return stored;
    }

    /// <summary>
    /// The stored recommendation; <see cref="NotFoundException"/> when unknown or expired, or when it was made for an
    /// organisation <paramref name="isMemberOf"/> says the caller is not in (the same answer: ids of other
    /// organisations' recommendations tell nothing); <see cref="StoreUnavailableException"/> when the store cannot tell.
    /// </summary>
    public async Task<StoredRecommendation> GetAsync(string id, Func<string, bool> isMemberOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(isMemberOf);
        var found = await store.GetAsync(id, ct).ConfigureAwait(false);
        return found is not null && found.ExpiresAt > time.GetUtcNow() && (found.Organization is null || isMemberOf(found.Organization))
            ? found
            : throw new NotFoundException("recommendation", id);
    }

    /// <summary>The foreground budget: the caller's timeLimitMs, else the whole limit when it waits, else Solver:AnswerWithin.</summary>
    private int? AnswerBudgetMs(LayoutRequest request) =>
        request.TimeLimitMs ?? (int)Math.Max(1, Math.Floor((request.Wait ? proof.TimeLimit : proof.AnswerWithin).TotalMilliseconds));

    /// <summary>The queue was full: the answer stays as given, and says so.</summary>
    private async Task<StoredRecommendation> NotContinuedAsync(string caller, StoredRecommendation stored)
    {
        metrics.RecordProofRefused();
        var note = "The background proof was not started (its queue was full): this answer is final as given.";
        var final = stored with
        {
            ProvingUntil = null,
            Recommendation = stored.Recommendation with
            {
                Explanation = stored.Recommendation.Explanation is { } given ? $"{given} {note}" : note,
            },
        };
        try
        {
            await store.UpdateAsync(caller, final, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogStoreFailed(logger, e, stored.Id);
        }

        return final;
    }

    /// <summary>128 random bits, base64url: not guessable, URL- and Redis-key-safe.</summary>
    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));

    /// <summary>Gives the place back; never throws, since the request's own outcome (an error) is what matters.</summary>
    private async Task ReleaseAsync(string caller, string id)
    {
        try
        {
            // Not the request's token: a cancelled request must still give its place back.
            await store.ReleaseAsync(caller, id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogReleaseFailed(logger, e, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recommendation {Id} was answered but could not be stored; recommendation(id) will not find it")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string id);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The place reserved for recommendation {Id} could not be given back; it counts until it expires")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string id);
}
