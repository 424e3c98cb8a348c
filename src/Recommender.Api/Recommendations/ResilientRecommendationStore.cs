using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>
/// A remote store (Redis) made fail-fast and outage-tolerant. Every remote call is cut at the store timeout and goes
/// through a <see cref="StoreCircuitBreaker"/>, so an outage costs a request at most one timeout, and none once the
/// breaker is open. What cannot reach the remote store is kept in a local buffer (an
/// <see cref="InMemoryRecommendationStore"/> with the same per-caller bound): reservations, and answers already given,
/// which <see cref="GetAsync"/> reads first and <see cref="FlushAsync"/> (run by <see cref="PendingRecommendationWriter"/>)
/// writes to the remote store once it answers again. An id held neither here nor reachable remotely is
/// <see cref="StoreUnavailableException"/>, never a wrong NOT_FOUND.
/// </summary>
/// <remarks>
/// While the remote store is down the quota is checked against the local buffer only (the remote counts cannot be
/// read), so a caller may hold up to its bound remotely and again on each replica until the outage ends.
/// </remarks>
public sealed partial class ResilientRecommendationStore : IRecommendationStore, IRecommendationStoreStatus
{
    /// <summary>
    /// Real ids are 22 base64url characters, so this one is never stored: reading it is the cheapest proof the store answers.
    /// </summary>
    private const string ProbeId = "probe";

    private readonly IRecommendationStore remote;
    private readonly InMemoryRecommendationStore pending;
    private readonly StoreCircuitBreaker breaker;
    private readonly TimeProvider time;
    private readonly TimeSpan callTimeout;
    private readonly string kind;
    private readonly Func<long?> remoteCount;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private long timedOutCalls;
    private long failedCalls;
    private string? lastError;
    private DateTimeOffset? lastSuccessAt;

    /// <param name="remoteCount">What the remote store last said it holds in total (null until known); read by /readyz and metrics.</param>
    public ResilientRecommendationStore(
        IRecommendationStore remote,
        InMemoryRecommendationStore pending,
        StoreCircuitBreaker breaker,
        TimeProvider time,
        TimeSpan callTimeout,
        string kind,
        Func<long?> remoteCount,
        ILogger<ResilientRecommendationStore> logger)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(breaker);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(callTimeout, TimeSpan.Zero);
        this.remote = remote;
        this.pending = pending;
        this.breaker = breaker;
        this.time = time;
        this.callTimeout = callTimeout;
        this.kind = kind;
        this.remoteCount = remoteCount;
        this.logger = logger;
    }

    public StoreCircuitBreaker Breaker => breaker;

    public async Task<StoreReservation> ReserveAsync(string caller, string id, DateTimeOffset heldUntil, CancellationToken ct)
    {
        var (ok, reservation) = await TryRemoteAsync("reserve", t => remote.ReserveAsync(caller, id, heldUntil, t), ct)
            .ConfigureAwait(false);
        // Unreachable: hold the place here instead, so the answer can still be given and kept on this replica.
        return ok ? reservation! : await pending.ReserveAsync(caller, id, heldUntil, ct).ConfigureAwait(false);
    }

    public async Task SaveAsync(string caller, StoredRecommendation recommendation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var (saved, _) = await TryRemoteAsync("save", async t =>
        {
            await remote.SaveAsync(caller, recommendation, t).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
        if (saved)
        {
            // The place may have been reserved here while the store was down.
            await pending.ReleaseAsync(caller, recommendation.Id, ct).ConfigureAwait(false);
            return;
        }

        await pending.SaveAsync(caller, recommendation, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates the copy held here when there is one (it is written to the remote store with its latest state), else the
    /// remote one; when the remote store cannot be reached the update is kept here like an answer (its place is
    /// already counted remotely) and written once it is back.
    /// </summary>
    public async Task<bool> UpdateAsync(string caller, StoredRecommendation recommendation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        if (await pending.UpdateAsync(caller, recommendation, ct).ConfigureAwait(false))
        {
            return true;
        }

        var (ok, updated) = await TryRemoteAsync("update", t => remote.UpdateAsync(caller, recommendation, t), ct).ConfigureAwait(false);
        if (ok)
        {
            return updated;
        }

        if (recommendation.ExpiresAt <= time.GetUtcNow() || !(await pending.ReserveAsync(caller, recommendation.Id, recommendation.ExpiresAt, ct).ConfigureAwait(false)).IsGranted)
        {
            return false;
        }

        await pending.SaveAsync(caller, recommendation, ct).ConfigureAwait(false);
        return true;
    }

    public async Task ReleaseAsync(string caller, string id, CancellationToken ct)
    {
        await pending.ReleaseAsync(caller, id, ct).ConfigureAwait(false);
        // Unreachable: the remote place stays counted until it expires; nothing else to do about it.
        await TryRemoteAsync("release", async t =>
        {
            await remote.ReleaseAsync(caller, id, t).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
    }

    public async Task<StoredRecommendation?> GetAsync(string id, CancellationToken ct)
    {
        if (await pending.GetAsync(id, ct).ConfigureAwait(false) is { } held)
        {
            return held;
        }

        var (ok, found) = await TryRemoteAsync("get", t => remote.GetAsync(id, t), ct).ConfigureAwait(false);
        return ok ? found : throw new StoreUnavailableException(id, breaker.RetryAfter);
    }

    /// <summary>
    /// Writes what this replica holds to the remote store, oldest first, stopping at the first failure (the breaker then
    /// decides when to try again); recommendations that expired meanwhile are dropped. With nothing to write and the
    /// breaker not closed, probes the store so its state recovers without traffic. Returns how many were written.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        if (breaker.RetryAfter > TimeSpan.Zero)
        {
            return 0; // Open and waiting: nothing to try yet, and a skipped look is no short-circuited call.
        }

        var records = pending.Records();
        if (records.Count == 0)
        {
            if (breaker.State != CircuitState.Closed)
            {
                await TryRemoteAsync("probe", t => remote.GetAsync(ProbeId, t), ct).ConfigureAwait(false);
            }

            return 0;
        }

        var written = 0;
        foreach (var (caller, recommendation) in records)
        {
            if (recommendation.ExpiresAt <= time.GetUtcNow())
            {
                await pending.ReleaseAsync(caller, recommendation.Id, ct).ConfigureAwait(false);
                continue;
            }

            var (ok, _) = await TryRemoteAsync("flush", async t =>
            {
                await remote.SaveAsync(caller, recommendation, t).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
            if (!ok)
            {
                break;
            }

            await pending.ReleaseAsync(caller, recommendation.Id, ct).ConfigureAwait(false);
            written++;
        }

        if (written > 0)
        {
            LogFlushed(logger, written, pending.RecordCount);
        }

        return written;
    }

    public RecommendationStoreHealth GetHealth()
    {
        var state = breaker.State;
        var held = pending.RecordCount;
        lock (gate)
        {
            return new RecommendationStoreHealth(
                kind,
                state == CircuitState.Closed && held == 0 ? RecommendationStoreState.Available : RecommendationStoreState.Degraded,
                state,
                remoteCount(),
                held,
                Interlocked.Read(ref timedOutCalls),
                Interlocked.Read(ref failedCalls),
                breaker.ShortCircuited,
                lastError,
                lastSuccessAt);
        }
    }

    /// <summary>
    /// One remote call through the breaker, cut at the call timeout. False (and no call) when the breaker is open; false
    /// when the call failed or timed out. Only the caller's own cancellation is thrown.
    /// </summary>
    private async Task<(bool Ok, T? Value)> TryRemoteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        if (!breaker.TryEnter())
        {
            return (false, default);
        }

        using var timeout = new CancellationTokenSource(callTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            // WaitAsync as well as the token: a call that ignores its token still cannot hold the request.
            var value = await call(linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
            OnSuccess();
            return (true, value);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            breaker.RecordAbandoned();
            throw;
        }
        catch (Exception e)
        {
            OnFailure(operation, e, timedOut: timeout.IsCancellationRequested);
            return (false, default);
        }
    }

    private void OnSuccess()
    {
        lock (gate)
        {
            lastError = null;
            lastSuccessAt = time.GetUtcNow();
        }

        if (breaker.RecordSuccess())
        {
            LogAvailableAgain(logger, kind, pending.RecordCount);
        }
    }

    private void OnFailure(string operation, Exception e, bool timedOut)
    {
        Interlocked.Increment(ref timedOut ? ref timedOutCalls : ref failedCalls);
        var error = timedOut ? $"{operation}: no answer within {callTimeout.TotalMilliseconds:0} ms" : $"{operation}: {e.Message}";
        lock (gate)
        {
            lastError = error;
        }

        if (breaker.RecordFailure())
        {
            LogUnavailable(logger, e, kind, error);
        }
        else
        {
            LogCallFailed(logger, operation, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Recommendation store ({Kind}) unavailable ({Error}): answers are kept on this replica and written when it is back")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string kind, string error);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Recommendation store ({Kind}) available again; {Pending} recommendations still to write")]
    private static partial void LogAvailableAgain(ILogger logger, string kind, int pending);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recommendation store call {Operation} failed: {Error}")]
    private static partial void LogCallFailed(ILogger logger, string operation, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Written} recommendations kept during the store outage; {Left} left")]
    private static partial void LogFlushed(ILogger logger, int written, int left);
}
