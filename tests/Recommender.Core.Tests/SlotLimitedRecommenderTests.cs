using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Core.Tests;

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
    public async Task Other_solver_work_queues_for_the_same_slots_and_reports_its_summary()
    {
        var inner = new HeldRecommender();
        var observer = new RecordingObserver();
        using var limited = new SlotLimitedRecommender(inner, 1, TimeSpan.Zero, TimeProvider.System, observer);
        var solve = limited.RecommendAsync(Request, null!, CancellationToken.None);
        await inner.Entered.Task;
        var feasible = new Recommendation(RecommendationStatus.Feasible, [], 1m, 0.25, 0, null, 1, TimeSpan.Zero, "USD");

        // The one slot is held by the solve: the other work is refused like any request, and never started.
        var started = false;
        await Assert.ThrowsAsync<SolverBusyException>(() => limited.RunAsync(_ =>
        {
            started = true;
            return Task.FromResult((42, feasible));
        }, CancellationToken.None));
        inner.Release.SetResult();
        await solve;
        var result = await limited.RunAsync(_ => Task.FromResult((42, feasible)), CancellationToken.None);

        Assert.False(started);
        Assert.Equal(42, result);
        Assert.Equal(1, limited.FreeSlots);
        Assert.Equal([true, false, true], observer.Acquired);
        Assert.Equal([RecommendationStatus.Optimal, RecommendationStatus.Feasible], observer.Statuses);
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

    [Fact]
    public async Task A_request_stops_a_background_solve_and_gets_its_slot_at_once_even_with_no_queue_time()
    {
        var inner = new HeldRecommender();
        using var limited = new SlotLimitedRecommender(inner, 1, TimeSpan.Zero, TimeProvider.System);
        var background = limited.TryRecommendInBackgroundAsync(() => Request, null!, CancellationToken.None);
        await inner.Entered.Task;

        // The held fake is released only after the background solve ended: only its token (fired by the request) ends it.
        var foreground = limited.RecommendAsync(Request, null!, CancellationToken.None);
        Assert.Null(await background);
        inner.Release.SetResult();

        Assert.Equal(RecommendationStatus.Optimal, (await foreground).Status);
        Assert.Equal(1, limited.FreeSlots);
    }

    [Fact]
    public async Task A_background_solve_waits_while_a_request_holds_the_slot_and_runs_once_it_is_free()
    {
        var inner = new HeldRecommender();
        using var limited = new SlotLimitedRecommender(inner, 1, TimeSpan.FromMinutes(1), TimeProvider.System);
        var foreground = limited.RecommendAsync(Request, null!, CancellationToken.None);
        await inner.Entered.Task;

        var background = limited.TryRecommendInBackgroundAsync(() => Request, null!, CancellationToken.None);
        Assert.False(background.IsCompleted);
        Assert.Equal(1, inner.Calls);
        inner.Release.SetResult();
        await foreground;

        Assert.Equal(RecommendationStatus.Optimal, (await background)!.Status);
        Assert.Equal(2, inner.Calls);
        Assert.Equal(1, limited.FreeSlots);
    }

    [Fact]
    public async Task A_background_solve_whose_request_is_gone_solves_nothing()
    {
        var inner = new HeldRecommender();
        using var limited = new SlotLimitedRecommender(inner, 1, TimeSpan.Zero, TimeProvider.System);

        Assert.Null(await limited.TryRecommendInBackgroundAsync(() => null, null!, CancellationToken.None));
        Assert.Equal(0, inner.Calls);
        Assert.Equal(1, limited.FreeSlots);
    }

    [Fact]
    public async Task Background_solves_never_make_requests_busy_under_contention()
    {
        // Many rounds of background solves and requests racing for 2 slots with no queue time: a request may find both
        // slots taken by other requests (busy), but never by background solves, which always give way.
        var inner = new YieldingRecommender();
        using var limited = new SlotLimitedRecommender(inner, 2, TimeSpan.Zero, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var background = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await limited.TryRecommendInBackgroundAsync(() => Request, null!, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
        })).ToList();

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(RecommendationStatus.Optimal, (await limited.RecommendAsync(Request, null!, CancellationToken.None)).Status);
        }

        await stop.CancelAsync();
        await Task.WhenAll(background);
        Assert.Equal(2, limited.FreeSlots);
    }

    private static LayoutRequest Request { get; } = new() { Region = "r", Cpu = 1 };

    /// <summary>Answers at once in the foreground; runs until stopped in the background (token cancellable).</summary>
    private sealed class YieldingRecommender : IRecommender
    {
        public async Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct)
        {
            if (ct.CanBeCanceled)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return new Recommendation(RecommendationStatus.Optimal, [], null, null, 0, null, 1, TimeSpan.Zero, "USD");
        }
    }

    private sealed class HeldRecommender : IRecommender
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public async Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
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
