using Microsoft.Extensions.Time.Testing;
using Recommender.Core.Recommendations;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>
/// The behaviour every <see cref="IRecommendationStore"/> must have: answers kept until they expire, and the quota per
/// caller and in total checked and reserved atomically, refusing new places rather than evicting anybody's. A concrete
/// suite derives from this class and says how to make an empty store on <see cref="Time"/>.
/// </summary>
public abstract class RecommendationStoreContract
{
    protected static readonly TimeSpan Day = TimeSpan.FromHours(24);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A store holding nothing, isolated from every other test's store, reading <see cref="Time"/>.</summary>
    protected abstract IRecommendationStore CreateStore(RecommendationQuota quota);

    [Fact]
    public async Task A_saved_recommendation_reads_back_until_it_expires()
    {
        var store = CreateStore(new RecommendationQuota(10, 100));
        var saved = Recommendation("a", TimeSpan.FromHours(1));
        Assert.True((await store.ReserveAsync("alice", "a", saved.ExpiresAt, CancellationToken.None)).IsGranted);

        await store.SaveAsync("alice", saved, CancellationToken.None);

        Assert.Equal("a", (await store.GetAsync("a", CancellationToken.None))?.Id);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Null(await store.GetAsync("a", CancellationToken.None));
        Assert.Null(await store.GetAsync("never-saved", CancellationToken.None));
    }

    [Fact]
    public async Task A_reserved_place_is_not_readable_until_its_answer_is_saved()
    {
        var store = CreateStore(new RecommendationQuota(10, 100));

        await store.ReserveAsync("alice", "pending", Time.GetUtcNow() + Day, CancellationToken.None);

        Assert.Null(await store.GetAsync("pending", CancellationToken.None));
    }

    [Fact]
    public async Task A_caller_at_its_bound_is_refused_with_the_bound_and_its_oldest_expiry()
    {
        var store = CreateStore(new RecommendationQuota(3, 100));
        var first = Time.GetUtcNow() + Day;
        await SaveAsync(store, "alice", "a1");
        Time.Advance(TimeSpan.FromMinutes(1));
        await SaveAsync(store, "alice", "a2");
        await SaveAsync(store, "alice", "a3");

        var refused = await store.ReserveAsync("alice", "a4", Time.GetUtcNow() + Day, CancellationToken.None);

        Assert.False(refused.IsGranted);
        Assert.Equal(QuotaScope.Caller, refused.RefusedBy);
        Assert.Equal(3, refused.Limit);
        Assert.Equal(first, refused.OldestExpiresAt);
    }

    [Fact]
    public async Task One_callers_volume_never_evicts_another_callers_recommendations()
    {
        var store = CreateStore(new RecommendationQuota(2, 100));
        await SaveAsync(store, "bob", "b1");
        await SaveAsync(store, "alice", "a1");
        await SaveAsync(store, "alice", "a2");

        for (var i = 0; i < 20; i++)
        {
            Assert.False((await store.ReserveAsync("alice", $"flood{i}", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
        }

        Assert.NotNull(await store.GetAsync("b1", CancellationToken.None));
        Assert.NotNull(await store.GetAsync("a1", CancellationToken.None));
        Assert.True((await store.ReserveAsync("bob", "b2", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
    }

    [Fact]
    public async Task When_the_total_is_full_new_places_are_refused_and_nothing_is_evicted()
    {
        var store = CreateStore(new RecommendationQuota(2, 3));
        var oldest = Time.GetUtcNow() + Day;
        await SaveAsync(store, "alice", "a1");
        Time.Advance(TimeSpan.FromSeconds(1));
        await SaveAsync(store, "alice", "a2");
        await SaveAsync(store, "bob", "b1");

        var refused = await store.ReserveAsync("carol", "c1", Time.GetUtcNow() + Day, CancellationToken.None);

        Assert.Equal(QuotaScope.Total, refused.RefusedBy);
        Assert.Equal(3, refused.Limit);
        Assert.Equal(oldest, refused.OldestExpiresAt);
        foreach (var id in new[] { "a1", "a2", "b1" })
        {
            Assert.NotNull(await store.GetAsync(id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task An_expired_recommendation_frees_its_place()
    {
        var store = CreateStore(new RecommendationQuota(1, 1));
        var saved = Recommendation("short", TimeSpan.FromHours(1));
        await store.ReserveAsync("alice", "short", saved.ExpiresAt, CancellationToken.None);
        await store.SaveAsync("alice", saved, CancellationToken.None);
        Assert.False((await store.ReserveAsync("bob", "b", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);

        Time.Advance(TimeSpan.FromHours(1));

        Assert.True((await store.ReserveAsync("bob", "b", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
    }

    [Fact]
    public async Task A_released_place_is_free_again_but_only_its_caller_can_release_it()
    {
        var store = CreateStore(new RecommendationQuota(1, 10));
        await store.ReserveAsync("alice", "a1", Time.GetUtcNow() + Day, CancellationToken.None);

        await store.ReleaseAsync("mallory", "a1", CancellationToken.None);
        Assert.False((await store.ReserveAsync("alice", "a2", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
        await store.ReleaseAsync("alice", "a1", CancellationToken.None);

        Assert.True((await store.ReserveAsync("alice", "a2", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
    }

    [Fact]
    public async Task Saving_fills_the_reserved_place_and_counts_once()
    {
        var store = CreateStore(new RecommendationQuota(2, 10));
        await SaveAsync(store, "alice", "a1");

        Assert.True((await store.ReserveAsync("alice", "a2", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
        Assert.False((await store.ReserveAsync("alice", "a3", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
    }

    [Fact]
    public async Task Concurrent_reservations_never_exceed_the_bounds()
    {
        var store = CreateStore(new RecommendationQuota(10, 15));
        Task<StoreReservation[]> ReserveAll(string caller) => Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => store.ReserveAsync(caller, $"{caller}{i}", Time.GetUtcNow() + Day, CancellationToken.None))));

        var results = await Task.WhenAll(ReserveAll("alice"), ReserveAll("bob"));

        Assert.Equal(15, results.Sum(r => r.Count(x => x.IsGranted)));
        Assert.All(results, r => Assert.InRange(r.Count(x => x.IsGranted), 5, 10));
    }

    [Fact]
    public async Task An_update_replaces_the_record_in_place_keeping_its_expiry_and_its_single_place()
    {
        var store = CreateStore(new RecommendationQuota(2, 10));
        await SaveAsync(store, "alice", "a1");
        var saved = (await store.GetAsync("a1", CancellationToken.None))!;
        var improvement = new RecommendationImprovement(
            Time.GetUtcNow(), RecommendationChanges.Status, RecommendationStatus.Feasible, RecommendationStatus.Optimal, 2m, 2m, 1m, 2m, 0.5, 0);
        var proven = saved with
        {
            Recommendation = saved.Recommendation with { Explanation = "proven later" },
            Improvements = [improvement],
            ProvenAt = Time.GetUtcNow(),
        };
        Time.Advance(TimeSpan.FromHours(1));

        Assert.True(await store.UpdateAsync("alice", proven, CancellationToken.None));

        var read = (await store.GetAsync("a1", CancellationToken.None))!;
        Assert.Equal("proven later", read.Recommendation.Explanation);
        Assert.Equal(improvement, Assert.Single(read.Improvements));
        Assert.Equal(proven.ProvenAt, read.ProvenAt);
        Assert.Equal(saved.ExpiresAt, read.ExpiresAt);
        Assert.True((await store.ReserveAsync("alice", "a2", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
        Assert.False((await store.ReserveAsync("alice", "a3", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
        Time.Advance(Day - TimeSpan.FromHours(1));
        Assert.Null(await store.GetAsync("a1", CancellationToken.None));
    }

    [Fact]
    public async Task An_update_of_an_unknown_reserved_expired_or_other_callers_id_changes_nothing()
    {
        var store = CreateStore(new RecommendationQuota(10, 100));
        var unknown = Recommendation("unknown", Day);
        Assert.False(await store.UpdateAsync("alice", unknown, CancellationToken.None));
        Assert.Null(await store.GetAsync("unknown", CancellationToken.None));

        Assert.True((await store.ReserveAsync("alice", "reserved", Time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
        Assert.False(await store.UpdateAsync("alice", Recommendation("reserved", Day), CancellationToken.None));
        Assert.Null(await store.GetAsync("reserved", CancellationToken.None));

        await SaveAsync(store, "alice", "mine");
        Assert.False(await store.UpdateAsync("bob", Recommendation("mine", Day) with { ProvenAt = Time.GetUtcNow() }, CancellationToken.None));
        Assert.Null((await store.GetAsync("mine", CancellationToken.None))!.ProvenAt);

        var brief = Recommendation("brief", TimeSpan.FromMinutes(1));
        Assert.True((await store.ReserveAsync("alice", "brief", brief.ExpiresAt, CancellationToken.None)).IsGranted);
        await store.SaveAsync("alice", brief, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await store.UpdateAsync("alice", brief with { ProvenAt = Time.GetUtcNow() }, CancellationToken.None));
        Assert.Null(await store.GetAsync("brief", CancellationToken.None));
    }

    /// <summary>Reserves, then saves, a recommendation kept for a day from now.</summary>
    protected async Task SaveAsync(IRecommendationStore store, string caller, string id)
    {
        var recommendation = Recommendation(id, Day);
        Assert.True((await store.ReserveAsync(caller, id, recommendation.ExpiresAt, CancellationToken.None)).IsGranted);
        await store.SaveAsync(caller, recommendation, CancellationToken.None);
    }

    protected StoredRecommendation Recommendation(string id, TimeSpan retention)
    {
        var now = Time.GetUtcNow();
        var answer = new Recommendation(RecommendationStatus.Infeasible, [], null, null, 0, "none", 1, TimeSpan.Zero, "USD");
        return new StoredRecommendation(id, new LayoutRequest { Region = "cn-test", Cpu = 1 }, answer, now, now + retention);
    }
}
