using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Recommender.Api.Recommendations;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>The remote store behind a timeout, a circuit breaker and a local buffer, on a fake clock.</summary>
public sealed class ResilientRecommendationStoreTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedRecommendationStore remote;
    private readonly ResilientRecommendationStore store;

    public ResilientRecommendationStoreTests()
    {
        remote = new ScriptedRecommendationStore(time, new RecommendationQuota(100, 1_000));
        store = new ResilientRecommendationStore(
            remote,
            new InMemoryRecommendationStore(time, new RecommendationQuota(2, 10)),
            new StoreCircuitBreaker(time, 3, Delay),
            time,
            Timeout,
            "redis",
            () => remote.Inner.Count,
            NullLogger<ResilientRecommendationStore>.Instance);
    }

    [Fact]
    public async Task A_call_the_store_never_answers_is_cut_at_the_store_timeout_and_the_place_is_held_here()
    {
        remote.Hang = true;

        var reserving = store.ReserveAsync("alice", "a1", time.GetUtcNow() + Day, CancellationToken.None);
        Assert.False(reserving.IsCompleted);
        time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(reserving.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        // The bound only keeps a broken build from hanging; the fake clock decides when the timeout fires.
        Assert.True((await reserving.WaitAsync(TimeSpan.FromMinutes(1), TimeProvider.System)).IsGranted);
        var health = store.GetHealth();
        Assert.Equal(1, health.TimedOutCalls);
        Assert.Equal(0, health.FailedCalls);
        Assert.Equal("reserve: no answer within 250 ms", health.LastError);
    }

    [Fact]
    public async Task After_consecutive_failures_the_breaker_opens_and_calls_stop_reaching_the_store()
    {
        remote.Down = true;
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("x", CancellationToken.None));
        }

        Assert.Equal(CircuitState.Open, store.Breaker.State);
        Assert.Equal(3, remote.Calls);

        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync($"id{i}", CancellationToken.None));
        }

        Assert.Equal(3, remote.Calls);
        Assert.Equal(10, store.GetHealth().ShortCircuitedCalls);
        Assert.Equal(RecommendationStoreState.Degraded, store.GetHealth().State);
    }

    [Fact]
    public async Task Answers_given_during_an_outage_are_read_here_and_written_once_the_store_answers_again()
    {
        remote.Down = true;
        var saved = Recommendation("kept");
        Assert.True((await store.ReserveAsync("alice", "kept", saved.ExpiresAt, CancellationToken.None)).IsGranted);
        await store.SaveAsync("alice", saved, CancellationToken.None);

        Assert.Same(saved, await store.GetAsync("kept", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("elsewhere", CancellationToken.None));
        Assert.Equal(5, unknown.RetryAfterSeconds);
        Assert.Equal(1, store.GetHealth().Pending);

        remote.Down = false;
        var shortCircuited = store.GetHealth().ShortCircuitedCalls;
        Assert.Equal(0, await store.FlushAsync(CancellationToken.None)); // The breaker is open: not tried before its delay.
        Assert.Equal(shortCircuited, store.GetHealth().ShortCircuitedCalls);
        time.Advance(Delay);
        Assert.Equal(1, await store.FlushAsync(CancellationToken.None));

        Assert.NotNull(await remote.Inner.GetAsync("kept", CancellationToken.None));
        var health = store.GetHealth();
        Assert.Equal(0, health.Pending);
        Assert.Equal(CircuitState.Closed, health.Breaker);
        Assert.Equal(RecommendationStoreState.Available, health.State);
        Assert.Null(health.LastError);
    }

    [Fact]
    public async Task The_local_buffer_is_bounded_by_the_same_quota()
    {
        remote.Down = true;
        await store.ReserveAsync("alice", "a1", time.GetUtcNow() + Day, CancellationToken.None);
        await store.ReserveAsync("alice", "a2", time.GetUtcNow() + Day, CancellationToken.None);

        var refused = await store.ReserveAsync("alice", "a3", time.GetUtcNow() + Day, CancellationToken.None);

        Assert.Equal(QuotaScope.Caller, refused.RefusedBy);
    }

    [Fact]
    public async Task The_stores_own_refusal_is_returned_not_bypassed()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.True((await store.ReserveAsync("alice", $"a{i}", time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
        }

        Assert.Equal(QuotaScope.Caller, (await store.ReserveAsync("alice", "a100", time.GetUtcNow() + Day, CancellationToken.None)).RefusedBy);
    }

    [Fact]
    public async Task What_expired_during_the_outage_is_dropped_not_written()
    {
        remote.Down = true;
        var saved = Recommendation("short", TimeSpan.FromMinutes(1));
        await store.ReserveAsync("alice", "short", saved.ExpiresAt, CancellationToken.None);
        await store.SaveAsync("alice", saved, CancellationToken.None);

        remote.Down = false;
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, await store.FlushAsync(CancellationToken.None));
        Assert.Equal(0, remote.Inner.Count);
        Assert.Equal(0, store.GetHealth().Pending);
    }

    [Fact]
    public async Task With_nothing_to_write_a_flush_probes_the_store_so_the_state_recovers_without_traffic()
    {
        remote.Down = true;
        for (var i = 0; i < 3; i++)
        {
            await store.ReleaseAsync("alice", "x", CancellationToken.None);
        }

        Assert.Equal(CircuitState.Open, store.Breaker.State);
        remote.Down = false;
        await store.FlushAsync(CancellationToken.None);
        Assert.Equal(3, remote.Calls);
        time.Advance(Delay);

        await store.FlushAsync(CancellationToken.None);

        Assert.Equal(4, remote.Calls);
        Assert.Equal(RecommendationStoreState.Available, store.GetHealth().State);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_thrown_and_frees_the_probe()
    {
        remote.Down = true;
        for (var i = 0; i < 3; i++)
        {
            await store.ReleaseAsync("alice", "x", CancellationToken.None);
        }

        time.Advance(Delay);
        remote.Down = false;
        remote.Hang = true;
        using var cts = new CancellationTokenSource();
        var probe = store.GetAsync("x", cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe);
        Assert.Equal(CircuitState.Open, store.Breaker.State);
        Assert.True(store.Breaker.TryEnter()); // The delay has passed: the next call probes at once.
    }

    [Fact]
    public async Task An_update_goes_to_the_store_when_it_answers_and_is_kept_here_when_it_does_not()
    {
        var saved = Recommendation("a1");
        Assert.True((await store.ReserveAsync("alice", "a1", saved.ExpiresAt, CancellationToken.None)).IsGranted);
        await store.SaveAsync("alice", saved, CancellationToken.None);

        Assert.True(await store.UpdateAsync("alice", saved with { ProvenAt = time.GetUtcNow() }, CancellationToken.None));
        Assert.NotNull((await remote.GetAsync("a1", CancellationToken.None))!.ProvenAt);
        Assert.False(await store.UpdateAsync("alice", Recommendation("unknown"), CancellationToken.None));

        remote.Down = true;
        var later = saved with { ProvenAt = time.GetUtcNow(), Recommendation = saved.Recommendation with { Explanation = "later" } };
        Assert.True(await store.UpdateAsync("alice", later, CancellationToken.None));
        Assert.Equal("later", (await store.GetAsync("a1", CancellationToken.None))!.Recommendation.Explanation);

        remote.Down = false;
        time.Advance(Delay);
        Assert.Equal(1, await store.FlushAsync(CancellationToken.None));
        Assert.Equal("later", (await remote.GetAsync("a1", CancellationToken.None))!.Recommendation.Explanation);
    }

    private StoredRecommendation Recommendation(string id, TimeSpan? retention = null)
    {
        var now = time.GetUtcNow();
        var answer = new Recommendation(RecommendationStatus.Optimal, [], 1m, 0, 1, null, 1, TimeSpan.Zero, "USD");
        return new StoredRecommendation(id, new LayoutRequest { Region = "cn-test", Cpu = 1 }, answer, now, now + (retention ?? Day));
    }
}
