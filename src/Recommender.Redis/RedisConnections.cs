using StackExchange.Redis;

namespace Recommender.Redis;

/// <summary>Opens the multiplexer the way the catalog needs it.</summary>
public static class RedisConnections
{
    /// <summary>
    /// Connects without failing when Redis is down (AbortOnConnectFail=false): the multiplexer keeps reconnecting by
    /// itself, and the catalog serves from memory meanwhile.
    /// </summary>
    public static ConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }
}
