using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Recommender.Api.Catalog;
using Recommender.Api.Recommendations;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using StackExchange.Redis;

namespace Recommender.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RecommendationStoreTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly string prefix = RedisServerFixture.UniquePrefix();

    private IDatabase Database => redis.Connection.GetDatabase();

    [Fact]
    public async Task Every_field_of_the_answer_and_the_request_survives_the_round_trip()
    {
        var store = new RedisRecommendationStore(redis.Connection, time, prefix);
        var saved = Rich("round-trip");

        await store.SaveAsync("alice", saved, CancellationToken.None);
        var read = await store.GetAsync("round-trip", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(RecommendationJson.Serialize(saved), RecommendationJson.Serialize(read));
        Assert.Equal(saved.Request.Zones, read.Request.Zones);
        Assert.Equal(saved.Request.Categories, read.Request.Categories);
        Assert.Equal(saved.Request.LargestPod, read.Request.LargestPod);
        Assert.Equal(saved.Recommendation.Layouts[1].Pools, read.Recommendation.Layouts[1].Pools);
        Assert.Equal(saved.Recommendation.CatalogAge, read.Recommendation.CatalogAge);
        Assert.Equal(saved.ExpiresAt, read.ExpiresAt);
    }

    [Fact]
    public async Task One_key_per_id_under_the_prefix_that_redis_expires_at_expiresAt()
    {
        var store = new RedisRecommendationStore(redis.Connection, time, prefix);

        await store.SaveAsync("alice", Rich("ttl"), CancellationToken.None);

        var ttl = await Database.KeyTimeToLiveAsync(prefix + "ttl");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, Day - TimeSpan.FromMinutes(1), Day);
        Assert.Contains("\"status\":\"Optimal\"", (string?)await Database.StringGetAsync(prefix + "ttl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_and_expired_ids_are_null()
    {
        var store = new RedisRecommendationStore(redis.Connection, time, prefix);
        await store.SaveAsync("alice", Rich("expiring"), CancellationToken.None);

        Assert.Null(await store.GetAsync("never-saved", CancellationToken.None));
        time.Advance(Day - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await store.GetAsync("expiring", CancellationToken.None));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await store.GetAsync("expiring", CancellationToken.None));
    }

    [Fact]
    public async Task An_already_expired_recommendation_is_not_written()
    {
        var store = new RedisRecommendationStore(redis.Connection, time, prefix);
        var saved = Rich("late");
        time.Advance(Day);

        await store.SaveAsync("alice", saved, CancellationToken.None);

        Assert.False(await Database.KeyExistsAsync(prefix + "late"));
    }

    [Fact]
    public async Task With_redis_configured_the_service_stores_recommendations_there_over_the_catalog_connection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Generous timeouts: this test is about wiring, not outages, and must not fail on a loaded machine.
            [CatalogServiceCollectionExtensions.RedisConfigurationKey] = redis.Server.Configuration + ",connectTimeout=10000,asyncTimeout=10000",
            [CatalogServiceCollectionExtensions.RedisKeyPrefixKey] = prefix + "catalog:",
            [RecommendationServiceCollectionExtensions.RedisKeyPrefixKey] = prefix,
            ["Recommendations:StoreTimeout"] = "00:00:10",
        }).Build();
        // One clock for the record and the store the wiring builds: the record expires a day after the test's clock,
        // which the system clock passes on a real calendar.
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddCatalog(configuration).AddRecommendations(configuration);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IRecommendationStore>();
        await store.SaveAsync("alice", Rich("wired"), CancellationToken.None);

        Assert.IsType<ResilientRecommendationStore>(store);
        Assert.Single(services, d => d.ServiceType == typeof(IConnectionMultiplexer));
        Assert.True(await Database.KeyExistsAsync(prefix + "wired"));
    }

    [Fact]
    public async Task Every_key_is_under_the_prefix_and_expires_with_the_newest_recommendation_it_counts()
    {
        var store = new RedisRecommendationStore(redis.Connection, time, prefix);
        await store.ReserveAsync("ip:2001:db8::/64", "first", time.GetUtcNow() + Day, CancellationToken.None);
        await store.SaveAsync("ip:2001:db8::/64", Rich("first"), CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        await store.SaveAsync("ip:2001:db8::/64", Rich("second"), CancellationToken.None);

        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(key!);
        }

        Assert.Equal(
            [prefix + "first", prefix + "quota:all", prefix + "quota:caller:ip:2001:db8::/64", prefix + "second"],
            keys.Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            var ttl = await Database.KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, Day - TimeSpan.FromMinutes(1), Day);
        }

        Assert.Equal(2, store.LastKnownTotal);
        Assert.Equal<double?>((time.GetUtcNow() + Day).ToUnixTimeMilliseconds(), await Database.SortedSetScoreAsync(prefix + "quota:all", "second"));
    }

    [Fact]
    public async Task Replicas_sharing_redis_share_the_bounds()
    {
        var quota = new RecommendationQuota(2, 100);
        var first = new RedisRecommendationStore(redis.Connection, time, prefix, quota);
        await using var other = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
        var second = new RedisRecommendationStore(other, time, prefix, quota);

        Assert.True((await first.ReserveAsync("alice", "a1", time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);
        Assert.True((await second.ReserveAsync("alice", "a2", time.GetUtcNow() + Day, CancellationToken.None)).IsGranted);

        Assert.Equal(QuotaScope.Caller, (await first.ReserveAsync("alice", "a3", time.GetUtcNow() + Day, CancellationToken.None)).RefusedBy);
        Assert.Equal(QuotaScope.Caller, (await second.ReserveAsync("alice", "a4", time.GetUtcNow() + Day, CancellationToken.None)).RefusedBy);
    }

    /// <summary>Every optional field set, two layouts with on-demand and spot pools.</summary>
    private StoredRecommendation Rich(string id)
    {
        var request = new LayoutRequest
        {
            Region = "cn-hangzhou",
            Cpu = 12.5,
            MemoryGiB = 48,
            Gpus = 1,
            GpuModel = "NVIDIA A10",
            MinNodes = 2,
            MaxNodes = 40,
            OnDemandPct = 30,
            SameSize = true,
            Zones = ["cn-hangzhou-h", "cn-hangzhou-i"],
            NetworkPerf = [NetworkPerformance.High],
            Categories = [InstanceCategory.General, InstanceCategory.Gpu],
            Includes = ["ecs.g7", "ecs.gn7i-c8g1.2xlarge"],
            Excludes = ["ecs.g7.large"],
            AllowBurst = false,
            AllowOlderGen = true,
            Architectures = [CpuArchitecture.X86],
            LargestPod = new PodSize(4, 8, 1),
            MaxPools = 3,
            SpotDiversity = 2,
            Alternatives = 2,
        };
        var totals = new ResourceTotals(15.84, 52.125, 1, 15.84);
        Layout Layout(decimal unit) => new(
            [
                new LayoutPool("ecs.gn7i-c8g1.2xlarge", CapacityType.OnDemand, 1, unit, unit),
                new LayoutPool("ecs.g7.xlarge", CapacityType.Spot, 2, 0.0312m, 0.0624m),
            ],
            unit + 0.0624m,
            (unit + 0.0624m) * Core.Recommendations.Layout.HoursPerMonth,
            3,
            totals,
            new ResourceTotals(16, 64, 1, 16),
            new ResourceTotals(3.34, 4.125, 0, 3.34));
        var answer = new Recommendation(
            RecommendationStatus.Optimal, [Layout(1.2345m), Layout(1.5m)], 1.2969m, 0, 37, null, 1_764_000_000_000, TimeSpan.FromSeconds(93.5), "CNY");
        var now = time.GetUtcNow();
        return new StoredRecommendation(id, request, answer, now, now + Day);
    }
}
