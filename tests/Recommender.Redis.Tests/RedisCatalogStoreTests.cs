using Recommender.Core.Catalog;
using Recommender.Testing.Stores;

namespace Recommender.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisCatalogStoreTests(RedisServerFixture redis) : CatalogStoreContract
{
    protected override ICatalogStore CreateStore() => new RedisCatalogStore(redis.Connection, RedisServerFixture.UniquePrefix());

    [Fact]
    public async Task Region_and_index_live_under_the_configured_prefix()
    {
        var prefix = RedisServerFixture.UniquePrefix();
        var store = new RedisCatalogStore(redis.Connection, prefix);

        await store.SaveRegionAsync(TestCatalogs.Region("cn-hangzhou", 4), CancellationToken.None);

        var keys = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).Keys(pattern: prefix + "*").Select(k => k.ToString()).Order();
        Assert.Equal([prefix + "index", prefix + "region:alibaba/cn-hangzhou"], keys);
        Assert.Empty(await new RedisCatalogStore(redis.Connection, RedisServerFixture.UniquePrefix()).ListRegionsAsync(CancellationToken.None));
    }
}
