using StackExchange.Redis;

namespace Recommender.Redis.Tests;

/// <summary>One redis-server and connection shared by the store suites of the <see cref="RedisCollection"/>.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? server;
    private ConnectionMultiplexer? connection;

    public RedisServer Server => server ?? throw new InvalidOperationException("not started");

    public ConnectionMultiplexer Connection => connection ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        server = await RedisServer.StartAsync();
        connection = await ConnectionMultiplexer.ConnectAsync(server.Configuration + ",allowAdmin=true");
    }

    public async Task DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A key prefix no other test uses, so tests share the server without seeing each other's keys.</summary>
    public static string UniquePrefix() => $"test:{Guid.NewGuid():N}:";
}
