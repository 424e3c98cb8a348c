using Recommender.Core.Recommendations;
using Recommender.Testing.Stores;

namespace Recommender.Redis.Tests;

/// <summary>The store contract against a real redis-server: the Lua scripts hold the bounds atomically.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisRecommendationStoreContractTests(RedisServerFixture redis) : RecommendationStoreContract
{
    protected override IRecommendationStore CreateStore(RecommendationQuota quota) =>
        new RedisRecommendationStore(redis.Connection, Time, RedisServerFixture.UniquePrefix(), quota);
}
