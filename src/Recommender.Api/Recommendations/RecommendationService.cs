using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;
using Recommender.Solver;

namespace Recommender.Api.Recommendations;

/// <summary>
/// Serves recommendations: reserves the answer's place in the store within the caller's quota (refused before any
/// work), solves through the registered <see cref="IRecommender"/> (the solver-slot limit, SOLVER_BUSY, is its
/// decorator <c>SlotLimitedRecommender</c>, shared with every other caller of the solver), and stores the answer under
/// a random id in the reserved place.
/// </summary>
/// <remarks>
/// A failed store write does not fail the answer: the client still gets the recommendation (and its id) it waited
/// for, and the failure is logged. With Redis the store keeps such answers on this replica until Redis is back
/// (<see cref="ResilientRecommendationStore"/>), so this happens only with a store that has nowhere else to put them.
/// </remarks>
public sealed partial class RecommendationService
{
    private const int IdBytes = 16;

    private readonly SlotLimitedRecommender recommender;
    private readonly IRecommendationStore store;
    private readonly TimeProvider time;
    private readonly RecommendationMetrics metrics;
    private readonly ILogger<RecommendationService> logger;
    private readonly RecommendationOptions options;

    public RecommendationService(
        SlotLimitedRecommender recommender,
        IRecommendationStore store,
        TimeProvider time,
        RecommendationMetrics metrics,
        IOptions<RecommendationOptions> options,
        ILogger<RecommendationService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
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
            answer = await recommender.RecommendAsync(request, catalog, ct).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(caller, id).ConfigureAwait(false);
            throw;
        }

        var now = time.GetUtcNow();
        var stored = new StoredRecommendation(id, request, answer, now, now + options.Retention, organization);
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
