namespace Recommender.Redis.Tests;

/// <summary>
/// Suites sharing one redis-server. They run one after the other because the failed-write test changes the server's
/// memory limit for a moment.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis-server";
}
