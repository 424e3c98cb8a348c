using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Core.Recommendations;

/// <summary>
/// Runs at most <c>slots</c> solves at once, whoever asks (GraphQL, the autoscaler expander): a request waits up to
/// <c>queueTimeout</c> for a slot, then fails with <see cref="SolverBusyException"/>. The solve runs on the thread pool
/// (it is CPU-bound for up to its time limit) with the caller's token; a cancelled wait or solve frees its slot.
/// Background solves (<see cref="TryRecommendInBackgroundAsync"/>) come last: they take only a slot nobody waits for,
/// and give it back as soon as a request has to wait.
/// </summary>
public sealed class SlotLimitedRecommender : IRecommender, IDisposable
{
    /// <summary>
    /// How long a request waits at least for a slot when it stopped a background solve to get it: the time that solve
    /// may take to notice (CP-SAT and our searches check their token every few milliseconds).
    /// </summary>
    private static readonly TimeSpan BackgroundStopGrace = TimeSpan.FromSeconds(1);

    private readonly IRecommender inner;
    private readonly SemaphoreSlim slots;
    private readonly int capacity;
    private readonly TimeSpan queueTimeout;
    private readonly TimeProvider time;
    private readonly ISolveObserver? observer;
    private readonly Lock gate = new();

    /// <summary>The stop signals of the background solves holding a slot: cancelled when a request has to wait for one.</summary>
    private readonly HashSet<CancellationTokenSource> background = [];

    /// <summary>Completed (and replaced) whenever a slot is given back, so a waiting background solve looks again.</summary>
    private TaskCompletionSource slotFreed = NewSignal();

    private int waiting;

    public SlotLimitedRecommender(IRecommender inner, int slots, TimeSpan queueTimeout, TimeProvider time, ISolveObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        this.inner = inner;
        this.slots = new SemaphoreSlim(slots, slots);
        capacity = slots;
        this.queueTimeout = queueTimeout;
        this.time = time;
        this.observer = observer;
    }

    /// <summary>Slots free right now.</summary>
    public int FreeSlots => slots.CurrentCount;

    public Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct) =>
        RunAsync(async c =>
        {
            var answer = await inner.RecommendAsync(request, catalog, c).ConfigureAwait(false);
            return (answer, answer);
        }, ct);

    /// <summary>
    /// Runs other CPU-bound solver work (a scale-out's own model) in a slot, with the same queueing, SOLVER_BUSY and
    /// observer as <see cref="RecommendAsync"/>; <paramref name="work"/> returns its result and a summary for the observer.
    /// </summary>
    /// <exception cref="SolverBusyException">No slot freed within the queue timeout.</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<(T Result, Recommendation Summary)>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var queued = time.GetTimestamp();
        Interlocked.Increment(ref waiting);
        bool acquired;
        try
        {
            acquired = slots.Wait(0, ct);
            if (!acquired)
            {
                // A request never queues behind a background solve: stop them all, and wait for their slots even past
                // a short queue timeout (a stopped solve gives its slot back within milliseconds).
                var wait = YieldBackground() > 0 && queueTimeout < BackgroundStopGrace ? BackgroundStopGrace : queueTimeout;
                acquired = await slots.WaitAsync(wait, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        observer?.Queued(time.GetElapsedTime(queued), acquired);
        if (!acquired)
        {
            throw new SolverBusyException(capacity, queueTimeout);
        }

        try
        {
            var started = time.GetTimestamp();
            var (result, summary) = await Task.Run(() => work(ct), ct).ConfigureAwait(false);
            observer?.Solved(summary.Status, time.GetElapsedTime(started), summary.Gap);
            return result;
        }
        finally
        {
            Release();
        }
    }

    /// <summary>
    /// Solves in a slot no request is waiting for: waits (until <paramref name="ct"/>) for one to be free with nobody
    /// queued, then solves what <paramref name="request"/> returns and returns the answer. Null when a request had to
    /// wait for a slot meanwhile (the solve was stopped and its slot given to that request; the caller may try again
    /// later), or when <paramref name="request"/> returned null. Never makes a request wait longer than this solve takes
    /// to stop, and never SOLVER_BUSY.
    /// </summary>
    /// <param name="request">
    /// Called once the slot is taken, so a time limit counted from a deadline starts then; null: nothing to solve any more.
    /// </param>
    public async Task<Recommendation?> TryRecommendInBackgroundAsync(Func<LayoutRequest?> request, RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var yielded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await AcquireUnwantedSlotAsync(yielded, ct).ConfigureAwait(false);
        try
        {
            return request() is { } solve
                ? await Task.Run(() => inner.RecommendAsync(solve, catalog, yielded.Token), yielded.Token).ConfigureAwait(false)
                : null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            lock (gate)
            {
                background.Remove(yielded);
            }

            Release();
        }
    }

    public void Dispose() => slots.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Takes a free slot when no request waits for one and registers <paramref name="yielded"/> as its solve's stop
    /// signal; else waits for the next slot to be given back.
    /// </summary>
    private async Task AcquireUnwantedSlotAsync(CancellationTokenSource yielded, CancellationToken ct)
    {
        while (true)
        {
            Task freed;
            lock (gate)
            {
                freed = slotFreed.Task;
            }

            if (Volatile.Read(ref waiting) == 0 && slots.Wait(0, ct))
            {
                lock (gate)
                {
                    background.Add(yielded);
                }

                // A request counts itself as waiting before it looks for a slot and for background solves to stop: it
                // either started before this second look (seen here: the slot goes straight back to it) or after the
                // registration above (it stops this solve).
                if (Volatile.Read(ref waiting) == 0)
                {
                    return;
                }

                lock (gate)
                {
                    background.Remove(yielded);
                }

                Release();
            }

            await freed.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    private void Release()
    {
        slots.Release();
        TaskCompletionSource freed;
        lock (gate)
        {
            freed = slotFreed;
            slotFreed = NewSignal();
        }

        freed.SetResult();
    }

    /// <returns>How many background solves were told to stop.</returns>
    private int YieldBackground()
    {
        List<CancellationTokenSource> running;
        lock (gate)
        {
            running = [.. background];
        }

        foreach (var solve in running)
        {
            solve.Cancel();
        }

        return running.Count;
    }
}
