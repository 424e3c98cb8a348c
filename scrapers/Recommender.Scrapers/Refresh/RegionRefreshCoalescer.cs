using Recommender.Core.Catalog;
using Recommender.Core.Cloud;

namespace Recommender.Scrapers.Refresh;

/// <summary>
/// Single flight per region, for scheduled and on-demand refreshes alike, so a region is never fetched twice at once.
/// A refresh asked for while an unfinished one of the region covers it (the same kind, or a full one, which re-reads
/// every kind) waits for that one and calls nobody. "Unfinished" includes refreshes still queued behind another one
/// of the region: their data will be no older than the request. Kinds that do not cover each other still run one
/// after the other (the refresher's per-region gate), since a partial refresh builds on the previous catalog.
/// On-demand refreshes with nothing to join also pass a per-region rate limit: one start per interval.
/// </summary>
internal sealed class RegionRefreshCoalescer(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<RegionKey, RegionFlights> regions = [];
    private int waiting;

    /// <summary>Callers currently waiting on a refresh someone else started.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Joins an unfinished refresh that covers <paramref name="kind"/>, or runs <paramref name="refresh"/>.</summary>
    /// <param name="onDemandInterval">For on-demand refreshes: the least time between two starts. Null for scheduled ones.</param>
    /// <param name="ct">Stops the wait of a caller that joined; the refresh itself runs on its starter's token.</param>
    /// <exception cref="RefreshRateLimitedException">On demand, nothing to join, and the last on-demand start was too recent.</exception>
    public async Task<bool> RunAsync(RegionKey key, RefreshKind kind, TimeSpan? onDemandInterval, Func<Task<bool>> refresh, CancellationToken ct)
    {
        var (flight, starter) = Enter(key, kind, onDemandInterval);
        if (!starter)
        {
            try
            {
                return await flight.Completion.Task.WaitAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        }

        var ok = false;
        try
        {
            ok = await refresh().ConfigureAwait(false);
            return ok;
        }
        finally
        {
            // Leave before completing: a caller arriving after the outcome is known starts afresh instead of joining.
            lock (gate)
            {
                regions[key].Unfinished.Remove(flight);
            }

            // The refresher records every outcome in the status registry (the refresh never throws); joiners only
            // need to know it is over, so a throwing refresh counts as failed for them and throws for its starter.
            flight.Completion.SetResult(ok);
        }
    }

    private (Flight Flight, bool Starter) Enter(RegionKey key, RefreshKind kind, TimeSpan? onDemandInterval)
    {
        lock (gate)
        {
            if (!regions.TryGetValue(key, out var region))
            {
                region = new RegionFlights();
                regions[key] = region;
            }

            // The oldest covering flight: the shortest wait, and data fetched no earlier than what a new one would start from.
            if (region.Unfinished.Find(f => f.Kind == kind || f.Kind == RefreshKind.Full) is { } covering)
            {
                Interlocked.Increment(ref waiting);
                return (covering, false);
            }

            if (onDemandInterval is { } interval)
            {
                // Monotonic: a wall clock stepped back must not lock a region out, nor one stepped forward let calls through.
                var elapsed = region.LastOnDemandStart is { } last ? time.GetElapsedTime(last) : interval;
                if (elapsed < interval)
                {
                    var retryAfter = interval - elapsed;
                    throw new RefreshRateLimitedException(key, interval, time.GetUtcNow() + retryAfter, retryAfter);
                }

                region.LastOnDemandStart = time.GetTimestamp();
            }

            var flight = new Flight(kind);
            region.Unfinished.Add(flight);
            return (flight, true);
        }
    }

    private sealed class RegionFlights
    {
        public List<Flight> Unfinished { get; } = [];

        /// <summary><see cref="TimeProvider.GetTimestamp"/> of the last on-demand start.</summary>
        public long? LastOnDemandStart { get; set; }
    }

    private sealed class Flight(RefreshKind kind)
    {
        public RefreshKind Kind { get; } = kind;

        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
