using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>The one solver-slot limit every caller of the solver goes through.</summary>
public sealed class SlotLimitedRecommenderTests
{
    [Fact]
    public async Task With_every_slot_busy_past_the_queue_timeout_a_solve_is_SOLVER_BUSY_and_the_observer_hears_of_it()
    {
        var inner = new HeldRecommender();
        var observer = new RecordingObserver();
        using var limited = new SlotLimitedRecommender(inner, 1, TimeSpan.Zero, TimeProvider.System, observer);
        var first = limited.RecommendAsync(new LayoutRequest { Region = "r", Cpu = 1 }, null!, CancellationToken.None);
        await inner.Entered.Task;

        var busy = await Assert.ThrowsAsync<SolverBusyException>(() => limited.RecommendAsync(new LayoutRequest { Region = "r", Cpu = 1 }, null!, CancellationToken.None));
        inner.Release.SetResult();
        await first;

        Assert.Equal(ErrorCodes.SolverBusy, busy.Code);
        Assert.Equal(1, limited.FreeSlots);
        Assert.Equal([true, false], observer.Acquired);
        Assert.Equal([RecommendationStatus.Optimal], observer.Statuses);
    }

    [Fact]
    public async Task A_cancelled_solve_frees_its_slot()
    {
        var inner = new HeldRecommender();
        using var limited = new SlotLimitedRecommender(inner, 1, TimeSpan.FromMinutes(1), TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var solve = limited.RecommendAsync(new LayoutRequest { Region = "r", Cpu = 1 }, null!, cts.Token);
        await inner.Entered.Task;

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => solve);
        Assert.Equal(1, limited.FreeSlots);
    }

    private sealed class HeldRecommender : IRecommender
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(ct);
            return new Recommendation(RecommendationStatus.Optimal, [], null, null, 0, null, 1, TimeSpan.Zero, "USD");
        }
    }

    private sealed class RecordingObserver : ISolveObserver
    {
        public List<bool> Acquired { get; } = [];

        public List<RecommendationStatus> Statuses { get; } = [];

        public void Queued(TimeSpan waited, bool acquired) => Acquired.Add(acquired);

        public void Solved(RecommendationStatus status, TimeSpan elapsed, double? relativeGap) => Statuses.Add(status);
    }
}
