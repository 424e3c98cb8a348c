using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>
/// Serves recommendations: waits for one of a fixed number of solver slots (SOLVER_BUSY after the queue timeout),
/// solves on the thread pool with the request's token, gives the answer a random id and stores it.
/// </summary>
/// <remarks>
/// A failed store write does not fail the answer: the client still gets the recommendation (and its id) it waited
/// for, the failure is logged, and <c>recommendation(id)</c> then answers NOT_FOUND for that id.
/// </remarks>
public sealed partial class RecommendationService : IDisposable
{
    private const int IdBytes = 16;

    private readonly IRecommender recommender;
    private readonly IRecommendationStore store;
    private readonly TimeProvider time;
    private readonly ILogger<RecommendationService> logger;
    private readonly RecommendationOptions options;
    private readonly SemaphoreSlim slots;

    public RecommendationService(
        IRecommender recommender,
        IRecommendationStore store,
        TimeProvider time,
        IOptions<RecommendationOptions> options,
        ILogger<RecommendationService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.recommender = recommender;
        this.store = store;
        this.time = time;
        this.logger = logger;
        this.options = options.Value;
        slots = new SemaphoreSlim(this.options.MaxConcurrentSolves, this.options.MaxConcurrentSolves);
    }

    /// <summary>Solver slots free right now.</summary>
    public int FreeSlots => slots.CurrentCount;

    /// <summary>
    /// Solves <paramref name="request"/> over <paramref name="catalog"/> (its provider and region) and stores the answer.
    /// Throws <see cref="SolverBusyException"/>, the solver's <see cref="ValidationException"/>, or
    /// <see cref="OperationCanceledException"/> when <paramref name="ct"/> fires.
    /// </summary>
    public async Task<StoredRecommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!await slots.WaitAsync(options.QueueTimeout, ct).ConfigureAwait(false))
        {
            throw new SolverBusyException(options.MaxConcurrentSolves, options.QueueTimeout);
        }

        Recommendation answer;
        try
        {
            // CPU-bound for up to the time limit: keep it off the request thread.
            answer = await Task.Run(() => recommender.RecommendAsync(request, catalog, ct), ct).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }

        var now = time.GetUtcNow();
        var stored = new StoredRecommendation(NewId(), request, answer, now, now + options.Retention);
        try
        {
            await store.SaveAsync(stored, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogStoreFailed(logger, e, stored.Id);
        }

        return stored;
    }

    /// <summary>The stored recommendation; <see cref="NotFoundException"/> when unknown or expired.</summary>
    public async Task<StoredRecommendation> GetAsync(string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = await store.GetAsync(id, ct).ConfigureAwait(false);
        return found is not null && found.ExpiresAt > time.GetUtcNow() ? found : throw new NotFoundException("recommendation", id);
    }

    public void Dispose() => slots.Dispose();

    /// <summary>128 random bits, base64url: not guessable, URL- and Redis-key-safe.</summary>
    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));

    [LoggerMessage(Level = LogLevel.Error, Message = "Recommendation {Id} was answered but could not be stored; recommendation(id) will not find it")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string id);
}
