using Recommender.Api.Recommendations;
using Recommender.Core.Recommendations;
using Recommender.Testing.Stores;

namespace Recommender.Api.Tests.Recommendations;

public sealed class InMemoryRecommendationStoreTests : RecommendationStoreContract
{
    [Fact]
    public async Task Count_holds_reservations_and_answers_and_drops_what_expired()
    {
        var store = new InMemoryRecommendationStore(Time, new RecommendationQuota(10, 10));
        await SaveAsync(store, "alice", "saved");
        await store.ReserveAsync("alice", "reserved", Time.GetUtcNow() + TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Equal(2, store.Count);
        Assert.Equal(1, store.RecordCount);
        Assert.Equal("saved", Assert.Single(store.Records()).Recommendation.Id);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, store.Count);
        Time.Advance(Day);
        Assert.Equal(0, store.Count);
    }

    protected override IRecommendationStore CreateStore(RecommendationQuota quota) => new InMemoryRecommendationStore(Time, quota);
}
