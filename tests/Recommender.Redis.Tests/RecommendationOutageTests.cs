using System.Text.Json;
using Recommender.Api.Recommendations;
using Recommender.Core.Errors;
using StackExchange.Redis;

namespace Recommender.Redis.Tests;

/// <summary>
/// The recommendation store through a Redis outage, with the whole service over HTTP and a real redis-server that is
/// killed and started again (empty, as a server without persistence comes back).
/// </summary>
public sealed class RecommendationOutageTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("recommender-recommendation-outage-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task During_an_outage_answers_are_kept_and_read_here_other_ids_are_STORE_UNAVAILABLE_and_redis_gets_them_afterwards()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = new RecommendationHost(redis.Configuration, directory, new Dictionary<string, string?>
        {
            ["Recommendations:StoreBreakerDelay"] = "00:00:00.200",
        });
        await using var observer = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",abortConnect=false");
        var before = Id(await host.RecommendAsync());
        Assert.True(await observer.GetDatabase().KeyExistsAsync(host.RecommendationPrefix + before));
        var (status, ready) = await host.ReadyzAsync();
        Assert.Equal(200, status);
        Assert.Equal("READY", ready.GetProperty("status").GetString());
        Assert.Equal("AVAILABLE", ready.GetProperty("recommendationStore").GetProperty("state").GetString());

        await redis.StopAsync();
        var during = Id(await host.RecommendAsync());

        Assert.Equal(during, (await host.ReadAsync(during)).GetProperty("data").GetProperty("recommendation").GetProperty("id").GetString());
        var unknown = await host.ReadAsync(before);
        Assert.Equal(ErrorCodes.StoreUnavailable, Code(unknown));
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("data").GetProperty("recommendation").ValueKind);
        (status, ready) = await host.ReadyzAsync();
        Assert.Equal(200, status);
        Assert.Equal("DEGRADED", ready.GetProperty("status").GetString());
        Assert.Equal("DEGRADED", ready.GetProperty("recommendationStore").GetProperty("state").GetString());
        Assert.Equal(1, ready.GetProperty("recommendationStore").GetProperty("pending").GetInt32());

        await redis.RestartAsync();
        await CatalogHosts.EventuallyAsync(async () => observer.IsConnected
            && await observer.GetDatabase().KeyExistsAsync(host.RecommendationPrefix + during), "the answer given during the outage reaches Redis");
        await CatalogHosts.EventuallyAsync(async () => (await host.ReadyzAsync()).Body.GetProperty("status").GetString() == "READY",
            "/readyz says READY again");

        (_, ready) = await host.ReadyzAsync();
        Assert.Equal("AVAILABLE", ready.GetProperty("recommendationStore").GetProperty("state").GetString());
        Assert.Equal("CLOSED", ready.GetProperty("recommendationStore").GetProperty("breaker").GetString());
        Assert.Equal(0, ready.GetProperty("recommendationStore").GetProperty("pending").GetInt32());
        Assert.Equal(during, (await host.ReadAsync(during)).GetProperty("data").GetProperty("recommendation").GetProperty("id").GetString());
        var server = observer.GetServer(observer.GetEndPoints()[0]);
        Assert.NotEmpty(await server.KeysAsync(pattern: host.RecommendationPrefix + "quota:caller:*").ToListAsync());
    }

    [Fact]
    public async Task Requests_during_an_outage_do_not_wait_for_the_redis_clients_timeouts()
    {
        await using var redis = await RedisServer.StartAsync();
        // The client's own timeouts are left at their multi-second defaults; the breaker never probes within the test.
        await using var host = new RecommendationHost($"127.0.0.1:{redis.Port}", directory, new Dictionary<string, string?>
        {
            ["Recommendations:StoreBreakerDelay"] = "01:00:00",
        });
        var before = Id(await host.RecommendAsync());
        await redis.StopAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ErrorCodes.StoreUnavailable, Code(await host.ReadAsync(before)));
        }

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(Id(await host.RecommendAsync()));
        }

        foreach (var id in ids)
        {
            Assert.Equal(id, (await host.ReadAsync(id)).GetProperty("data").GetProperty("recommendation").GetProperty("id").GetString());
        }

        var health = host.Store.GetHealth();
        Assert.Equal(CircuitState.Open, health.Breaker);
        Assert.Equal(1, host.Store.Breaker.Opened);
        // Only the first three reads reached Redis (the breaker's threshold), each ended by the store timeout at the
        // latest. Every later call went without Redis: two reads, and a reservation and a save for each of the five
        // answers (the answers' reads are served from this replica's buffer).
        Assert.Equal(3, health.TimedOutCalls + health.FailedCalls);
        Assert.Equal(12, health.ShortCircuitedCalls);
        Assert.Equal(5, health.Pending);
    }

    private static string Id(JsonElement response)
    {
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return response.GetProperty("data").GetProperty("recommendLayout").GetProperty("id").GetString()!;
    }

    private static string? Code(JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
