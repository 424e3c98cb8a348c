using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Solver;

/// <summary>
/// Runs at most <c>slots</c> solves at once, whoever asks (GraphQL, the autoscaler expander): a request waits up to
/// <c>queueTimeout</c> for a slot, then fails with <see cref="SolverBusyException"/>. The solve runs on the thread pool
/// (it is CPU-bound for up to its time limit) with the caller's token; a cancelled wait or solve frees its slot.
/// </summary>
public sealed class SlotLimitedRecommender : IRecommender, IDisposable
{
    private readonly IRecommender inner;
    private readonly SemaphoreSlim slots;
    private readonly int capacity;
    private readonly TimeSpan queueTimeout;
    private readonly TimeProvider time;
    private readonly ISolveObserver? observer;

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

    public async Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct)
    {
        var queued = time.GetTimestamp();
        var acquired = await slots.WaitAsync(queueTimeout, ct).ConfigureAwait(false);
        observer?.Queued(time.GetElapsedTime(queued), acquired);
        if (!acquired)
        {
            throw new SolverBusyException(capacity, queueTimeout);
        }

        try
        {
            var started = time.GetTimestamp();
            var answer = await Task.Run(() => inner.RecommendAsync(request, catalog, ct), ct).ConfigureAwait(false);
            observer?.Solved(answer.Status, time.GetElapsedTime(started), answer.Gap);
            return answer;
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
