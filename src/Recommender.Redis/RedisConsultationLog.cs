using Recommender.Core.Consultations;
using StackExchange.Redis;

namespace Recommender.Redis;

/// <summary>
/// The decision log in Redis. Each consultation is a JSON string key that expires with it; each cluster has a sorted
/// set of its consultation ids scored by time (unix ms), trimmed of expired scores on every write and itself expiring
/// with its newest entry, so nothing outlives the retention. Pages read the set newest first from the cursor's
/// position.
/// </summary>
public sealed class RedisConsultationLog(IConnectionMultiplexer redis, TimeProvider time, string keyPrefix = RedisConsultationLog.DefaultKeyPrefix)
    : IConsultationLog
{
    public const string DefaultKeyPrefix = "recommender:consultation:";

    /// <summary>Ids read from the index per round trip while filling a page.</summary>
    private const int Batch = 64;

    public async Task RecordAsync(Consultation consultation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ct.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var ttl = consultation.ExpiresAt - now;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        var index = IndexKey(consultation.Organization, consultation.Cluster);
        var retention = consultation.ExpiresAt - consultation.At;
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.StringSetAsync(ValueKey(consultation.Id), ConsultationJson.Serialize(consultation), ttl);
        _ = transaction.SortedSetAddAsync(index, consultation.Id, consultation.At.ToUnixTimeMilliseconds());
        _ = transaction.SortedSetRemoveRangeByScoreAsync(index, double.NegativeInfinity, (now - retention).ToUnixTimeMilliseconds(), Exclude.Stop);
        _ = transaction.KeyExpireAsync(index, ttl);
        await transaction.ExecuteAsync().WaitAsync(ct).ConfigureAwait(false);
    }

    public async Task<ConsultationPage> ListAsync(string? organization, string cluster, int first, string? after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var position = after is null ? ((long UnixMs, string Id)?)null : ConsultationCursor.Decode(after);
        var db = redis.GetDatabase();
        var index = IndexKey(organization, cluster);
        var now = time.GetUtcNow();
        var found = new List<Consultation>();
        var top = position is { } p ? p.UnixMs : double.PositiveInfinity;
        for (long skip = 0; found.Count <= first; skip += Batch)
        {
            ct.ThrowIfCancellationRequested();
            var ids = await db.SortedSetRangeByScoreAsync(index, double.NegativeInfinity, top, Exclude.None, Order.Descending, skip, Batch)
                .WaitAsync(ct).ConfigureAwait(false);
            if (ids.Length == 0)
            {
                break;
            }

            var values = await db.StringGetAsync([.. ids.Select(id => ValueKey(id!))]).WaitAsync(ct).ConfigureAwait(false);
            foreach (var value in values)
            {
                // An id whose value expired (or was never written) is skipped; the next write trims it from the index.
                if (value.IsNullOrEmpty)
                {
                    continue;
                }

                var c = ConsultationJson.Deserialize((byte[])value!);
                if (c.ExpiresAt > now && (position is null || ConsultationCursor.IsAfter(c, position.Value)))
                {
                    found.Add(c);
                }
            }

            if (ids.Length < Batch)
            {
                break;
            }
        }

        return new ConsultationPage([.. found.Take(first)], found.Count > first);
    }

    private RedisKey ValueKey(string id) => $"{keyPrefix}c:{id}";

    /// <summary>Labels as given: Redis keys are binary-safe; the organisation part is empty for anonymous clusters.</summary>
    private RedisKey IndexKey(string? organization, string cluster) => $"{keyPrefix}cluster:{organization?.Length ?? -1}:{organization}:{cluster}";
}
