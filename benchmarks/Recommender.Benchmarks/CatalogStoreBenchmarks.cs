using BenchmarkDotNet.Attributes;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;
using Recommender.Redis;
using Recommender.Testing.Stores;
using StackExchange.Redis;

namespace Recommender.Benchmarks;

/// <summary>
/// Reading one region's full catalog (about the size of a large Alibaba region) from each store, plus the version
/// poll the synchronizer makes every tick. Redis runs against a live server: RECOMMENDER_BENCH_REDIS, default
/// 127.0.0.1:6379.
/// </summary>
[MemoryDiagnoser]
public class CatalogStoreBenchmarks
{
    private const int TypesPerRegion = 170;
    private readonly RegionKey key = TestCatalogs.Key("cn-hangzhou");
    private readonly InMemoryCatalogStore memory = new();
    private ConnectionMultiplexer? connection;
    private RedisCatalogStore? redis;
    private string prefix = string.Empty;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var region = TestCatalogs.Region(key.Region, version: 1, typeCount: TypesPerRegion);
        await memory.SaveRegionAsync(region, CancellationToken.None);
        var address = Environment.GetEnvironmentVariable("RECOMMENDER_BENCH_REDIS") ?? "127.0.0.1:6379";
        connection = await ConnectionMultiplexer.ConnectAsync(address);
        prefix = $"bench:{Guid.NewGuid():N}:";
        redis = new RedisCatalogStore(connection, prefix);
        Console.WriteLine($"// region of {TypesPerRegion} types: {CatalogJson.SerializeRegion(region).Length} bytes of JSON");
        await redis.SaveRegionAsync(region, CancellationToken.None);
        foreach (var other in new[] { "cn-beijing", "cn-shanghai", "cn-shenzhen", "ap-southeast-1" })
        {
            await redis.SaveRegionAsync(TestCatalogs.Region(other, version: 1, typeCount: 10), CancellationToken.None);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (connection is not null)
        {
            var server = connection.GetServer(connection.GetEndPoints()[0]);
            await connection.GetDatabase().KeyDeleteAsync([.. server.Keys(pattern: prefix + "*")]);
            await connection.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    public Task<RegionCatalog?> InMemoryGetRegion() => memory.GetRegionAsync(key, CancellationToken.None);

    [Benchmark]
    public Task<RegionCatalog?> RedisGetRegion() => redis!.GetRegionAsync(key, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<RegionVersion>> RedisListRegions() => redis!.ListRegionsAsync(CancellationToken.None);
}
