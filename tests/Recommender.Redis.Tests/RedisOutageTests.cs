using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recommender.Api.Catalog;
using Recommender.Core.Catalog;
using Recommender.Testing.Stores;
using StackExchange.Redis;

namespace Recommender.Redis.Tests;

/// <summary>
/// The service wired by AddCatalog against a real redis-server that is killed and started again (empty, as a server
/// without persistence comes back): the catalog keeps being served, health follows the store, and what was published
/// during the outage reaches Redis afterwards.
/// </summary>
public sealed class RedisOutageTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("recommender-outage-").FullName;
    private readonly CapturedLogs logs = new();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Serving_continues_through_a_redis_outage_and_the_store_catches_up_after_it()
    {
        await using var redis = await RedisServer.StartAsync();
        var prefix = RedisServerFixture.UniquePrefix();
        var file = CatalogHosts.WriteSnapshot(directory, TestCatalogs.Document(TestCatalogs.Region("cn-hangzhou", 1, typeCount: 12)));
        using var host = CatalogHosts.Build(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:KeyPrefix"] = prefix,
            ["Catalog:File"] = file,
            ["Catalog:SyncInterval"] = "00:00:00.100",
        }, logs);
        await host.StartAsync();
        var catalog = host.Services.GetRequiredService<ICatalog>();
        var status = host.Services.GetRequiredService<ICatalogStatus>();
        await using var observer = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",abortConnect=false");
        var shared = new RedisCatalogStore(observer, prefix);

        Assert.Equal(CatalogStatus.RedisStore, status.GetHealth().StoreKind);
        Assert.Equal(StoreState.Available, status.GetHealth().StoreState);
        Assert.Equal(1, (await shared.GetRegionAsync(TestCatalogs.Key("cn-hangzhou"), CancellationToken.None))!.Version);

        await redis.StopAsync();
        await CatalogHosts.EventuallyAsync(() => Task.FromResult(status.GetHealth().StoreState == StoreState.Unavailable), "the outage is noticed");
        Assert.NotNull(status.GetHealth().LastStoreError);
        Assert.Equal(12, catalog.Current.Find(TestCatalogs.Key("cn-hangzhou"))!.InstanceTypes.Count);
        var duringOutage = TestCatalogs.Region("cn-shanghai", 2, typeCount: 6);
        await host.Services.GetRequiredService<ICatalogPublisher>().PublishAsync(duringOutage, CancellationToken.None);
        Assert.Same(duringOutage, catalog.Current.Find(duringOutage.Key));

        await redis.RestartAsync();
        await CatalogHosts.EventuallyAsync(async () => status.GetHealth().StoreState == StoreState.Available
            && observer.IsConnected
            && await shared.GetRegionAsync(duringOutage.Key, CancellationToken.None) is not null, "the store has the region published during the outage");

        Assert.Null(status.GetHealth().LastStoreError);
        Assert.Equal(6, (await shared.GetRegionAsync(duringOutage.Key, CancellationToken.None))!.InstanceTypes.Count);
        Assert.NotNull(await shared.GetRegionAsync(TestCatalogs.Key("cn-hangzhou"), CancellationToken.None));
        await CatalogHosts.EventuallyAsync(() => Task.FromResult(logs.Entries.Any(e => e.Message.Contains("available again", StringComparison.Ordinal))),
            "the recovery is logged");
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("unavailable", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task Redis_down_at_start_up_serves_the_file_and_persists_it_once_redis_is_up()
    {
        await using var redis = await RedisServer.StartAsync();
        await redis.StopAsync();
        var prefix = RedisServerFixture.UniquePrefix();
        using var host = CatalogHosts.Build(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:KeyPrefix"] = prefix,
            ["Catalog:File"] = CatalogHosts.WriteSnapshot(directory, TestCatalogs.Document(TestCatalogs.Region("cn-hangzhou", 1, typeCount: 5))),
            ["Catalog:SyncInterval"] = "00:00:00.100",
        }, logs);

        await host.StartAsync();

        var status = host.Services.GetRequiredService<ICatalogStatus>();
        Assert.Equal(5, host.Services.GetRequiredService<ICatalog>().Current.Find(TestCatalogs.Key("cn-hangzhou"))!.InstanceTypes.Count);
        Assert.Equal(StoreState.Unavailable, status.GetHealth().StoreState);
        Assert.Null(status.GetHealth().LastStoreSuccessAt);

        await redis.RestartAsync();
        await using var observer = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var shared = new RedisCatalogStore(observer, prefix);
        await CatalogHosts.EventuallyAsync(async () => status.GetHealth().StoreState == StoreState.Available
            && await shared.GetRegionAsync(TestCatalogs.Key("cn-hangzhou"), CancellationToken.None) is not null, "the file's region reaches Redis");
        Assert.NotNull(status.GetHealth().LastStoreSuccessAt);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_replica_adopts_a_newer_region_another_replica_wrote()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:KeyPrefix"] = RedisServerFixture.UniquePrefix(),
            ["Catalog:File"] = CatalogHosts.WriteSnapshot(directory, TestCatalogs.Document(TestCatalogs.Region("cn-hangzhou", 1))),
            ["Catalog:SyncInterval"] = "00:00:00.100",
        };
        using var first = CatalogHosts.Build(settings, logs);
        using var second = CatalogHosts.Build(settings, logs);
        await first.StartAsync();
        await second.StartAsync();

        var newer = TestCatalogs.Region("cn-hangzhou", 2, typeCount: 9);
        await first.Services.GetRequiredService<ICatalogPublisher>().PublishAsync(newer, CancellationToken.None);

        var seen = second.Services.GetRequiredService<ICatalog>();
        await CatalogHosts.EventuallyAsync(() => Task.FromResult(seen.Current.Find(newer.Key)!.Version == 2), "the second replica adopts version 2");
        Assert.Equal(9, seen.Current.Find(newer.Key)!.InstanceTypes.Count);
        await first.StopAsync();
        await second.StopAsync();
    }
}
