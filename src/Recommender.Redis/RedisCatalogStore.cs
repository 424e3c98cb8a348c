using System.Globalization;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;
using StackExchange.Redis;

namespace Recommender.Redis;

/// <summary>
/// Catalog store shared by every replica and scraper. Each region is one string key holding its CatalogJson bytes,
/// so a read is one GET of a complete region; an index hash maps each region to its version for cheap polling.
/// Both are written in one MULTI/EXEC: a reader never sees a half-written or missing region (cloudinfo's
/// delete-then-store gap), and a write Redis refuses (out of memory, connection lost before EXEC) applies nothing.
/// </summary>
public sealed class RedisCatalogStore : ICatalogStore
{
    public const string DefaultKeyPrefix = "recommender:catalog:";

    private readonly IConnectionMultiplexer redis;
    private readonly string keyPrefix;
    private readonly RedisKey indexKey;

    public RedisCatalogStore(IConnectionMultiplexer redis, string keyPrefix = DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        indexKey = keyPrefix + "index";
    }

    public async Task SaveRegionAsync(RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Provider.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Provider id '{catalog.Provider}' must not contain '/'.", nameof(catalog));
        }

        ct.ThrowIfCancellationRequested();
        var payload = CatalogJson.SerializeRegion(catalog);
        var transaction = redis.GetDatabase().CreateTransaction();
        var writes = Task.WhenAll(
            transaction.StringSetAsync(RegionKeyOf(catalog.Key), payload),
            transaction.HashSetAsync(indexKey, IndexField(catalog.Key), IndexEntry(catalog)));
        try
        {
            // No conditions are attached, so EXEC either applies both writes or Redis refuses the whole transaction.
            if (!await transaction.ExecuteAsync().WaitAsync(ct).ConfigureAwait(false))
            {
                throw new RedisException($"Redis did not apply the transaction writing {catalog.Key}.");
            }

            await writes.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            // The queued commands fail together with a refused EXEC; observe them so nothing goes unobserved.
            _ = writes.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    public async Task<RegionCatalog?> GetRegionAsync(RegionKey key, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var lease = await redis.GetDatabase().StringGetLeaseAsync(RegionKeyOf(key)).WaitAsync(ct).ConfigureAwait(false);
        return lease is null ? null : CatalogJson.DeserializeRegion(lease.Span);
    }

    public async Task<IReadOnlyList<RegionVersion>> ListRegionsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var entries = await redis.GetDatabase().HashGetAllAsync(indexKey).WaitAsync(ct).ConfigureAwait(false);
        return [.. entries.Select(ParseIndexEntry)];
    }

    private RedisKey RegionKeyOf(RegionKey key) => $"{keyPrefix}region:{IndexField(key)}";

    private static string IndexField(RegionKey key) => $"{key.Provider}/{key.Region}";

    private static string IndexEntry(RegionCatalog catalog) =>
        string.Create(CultureInfo.InvariantCulture, $"{catalog.Version} {catalog.UpdatedAt:O}");

    private static RegionVersion ParseIndexEntry(HashEntry entry)
    {
        var field = entry.Name.ToString();
        var slash = field.IndexOf('/', StringComparison.Ordinal);
        var value = entry.Value.ToString();
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return new RegionVersion(
            new RegionKey(field[..slash], field[(slash + 1)..]),
            long.Parse(value.AsSpan(0, space), NumberStyles.Integer, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(value.AsSpan(space + 1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
