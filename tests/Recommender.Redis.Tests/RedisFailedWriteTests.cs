using Recommender.Testing.Stores;
using StackExchange.Redis;

namespace Recommender.Redis.Tests;

/// <summary>
/// A write Redis really refuses: with the memory limit set below what the server already uses (and no eviction),
/// Redis rejects the script's first write (the SET) with OOM, so neither the region nor its index entry changes.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisFailedWriteTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_refused_write_leaves_the_previous_version_readable()
    {
        var store = new RedisCatalogStore(redis.Connection, RedisServerFixture.UniquePrefix());
        var previous = TestCatalogs.Region("cn-hangzhou", 1, typeCount: 30);
        await store.SaveRegionAsync(previous, CancellationToken.None);
        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);

        RedisException refused;
        await server.ConfigSetAsync("maxmemory-policy", "noeviction");
        await server.ConfigSetAsync("maxmemory", "1");
        try
        {
            refused = await Assert.ThrowsAnyAsync<RedisException>(
                () => store.SaveRegionAsync(TestCatalogs.Region("cn-hangzhou", 2, typeCount: 10), CancellationToken.None));

            var read = await store.GetRegionAsync(previous.Key, CancellationToken.None);
            Assert.Equal(1, read!.Version);
            Assert.Equal(30, read.InstanceTypes.Count);
            Assert.Equal(1, Assert.Single(await store.ListRegionsAsync(CancellationToken.None)).Version);
        }
        finally
        {
            await server.ConfigSetAsync("maxmemory", "0");
        }

        // Redis answered the script's SET with OOM before anything was written.
        Assert.Contains("OOM", refused.Message, StringComparison.Ordinal);
        await store.SaveRegionAsync(TestCatalogs.Region("cn-hangzhou", 2, typeCount: 10), CancellationToken.None);
        Assert.Equal(2, (await store.GetRegionAsync(previous.Key, CancellationToken.None))!.Version);
    }
}
