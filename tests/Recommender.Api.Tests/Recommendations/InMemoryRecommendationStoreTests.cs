using Microsoft.Extensions.Time.Testing;
using Recommender.Api.Recommendations;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

public sealed class InMemoryRecommendationStoreTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Returns_what_was_saved_until_it_expires()
    {
        var store = new InMemoryRecommendationStore(time, 10);
        var saved = Stored("a", TimeSpan.FromHours(1));
        await store.SaveAsync(saved, CancellationToken.None);

        Assert.Same(saved, await store.GetAsync("a", CancellationToken.None));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Null(await store.GetAsync("a", CancellationToken.None));
        Assert.Null(await store.GetAsync("b", CancellationToken.None));
    }

    [Fact]
    public async Task When_full_expired_entries_go_before_live_ones()
    {
        var store = new InMemoryRecommendationStore(time, 2);
        await store.SaveAsync(Stored("old", TimeSpan.FromMinutes(1)), CancellationToken.None);
        await store.SaveAsync(Stored("live", TimeSpan.FromHours(1)), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));

        await store.SaveAsync(Stored("new", TimeSpan.FromHours(1)), CancellationToken.None);

        Assert.NotNull(await store.GetAsync("live", CancellationToken.None));
        Assert.NotNull(await store.GetAsync("new", CancellationToken.None));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task When_full_of_live_entries_the_oldest_goes()
    {
        var store = new InMemoryRecommendationStore(time, 2);
        foreach (var id in new[] { "first", "second", "third" })
        {
            await store.SaveAsync(Stored(id, TimeSpan.FromHours(1)), CancellationToken.None);
        }

        Assert.Null(await store.GetAsync("first", CancellationToken.None));
        Assert.NotNull(await store.GetAsync("second", CancellationToken.None));
        Assert.NotNull(await store.GetAsync("third", CancellationToken.None));
        Assert.Equal(2, store.Count);
    }

    private StoredRecommendation Stored(string id, TimeSpan retention)
    {
        var now = time.GetUtcNow();
        var answer = new Recommendation(RecommendationStatus.Infeasible, [], null, null, 0, "none", 1, TimeSpan.Zero, "USD");
        return new StoredRecommendation(id, new LayoutRequest { Region = "cn-test", Cpu = 1 }, answer, now, now + retention);
    }
}
