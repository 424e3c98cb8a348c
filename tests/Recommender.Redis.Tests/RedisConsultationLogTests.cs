using Recommender.Core.Consultations;
using Recommender.Testing.Stores;

namespace Recommender.Redis.Tests;

/// <summary>The decision log contract against a real redis-server.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisConsultationLogTests(RedisServerFixture redis) : ConsultationLogContract
{
    protected override IConsultationLog CreateLog() => new RedisConsultationLog(redis.Connection, Time, RedisServerFixture.UniquePrefix());

    [Fact]
    public async Task Values_and_the_index_carry_the_retention_as_ttl()
    {
        var prefix = RedisServerFixture.UniquePrefix();
        var log = new RedisConsultationLog(redis.Connection, Time, prefix);

        await log.RecordAsync(New("x", "c1", retention: TimeSpan.FromHours(2)), CancellationToken.None);

        var db = redis.Connection.GetDatabase();
        var ttl = await db.KeyTimeToLiveAsync($"{prefix}c:x");
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(1.9), TimeSpan.FromHours(2));
        var index = redis.Connection.GetServers()[0].Keys(pattern: $"{prefix}cluster:*").Single();
        Assert.InRange((await db.KeyTimeToLiveAsync(index))!.Value, TimeSpan.FromHours(1.9), TimeSpan.FromHours(2));
    }
}
