using System.Globalization;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;
using StackExchange.Redis;

namespace Recommender.Redis;

/// <summary>
/// Catalog store shared by every replica and scraper. Each region is one string key holding its CatalogJson bytes,
/// so a read is one GET of a complete region; an index hash maps each region to its version for cheap polling.
/// Both are written by one Lua script: a reader never sees a half-written or missing region (cloudinfo's
/// delete-then-store gap), a write Redis refuses (out of memory) applies nothing, and an older version never
/// replaces a newer one written meanwhile by another replica or scraper.
/// </summary>
public sealed class RedisCatalogStore : ICatalogStore
{
    public const string DefaultKeyPrefix = "recommender:catalog:";

    /// <summary>
    /// One atomic step (a script runs alone, like MULTI/EXEC): keep a newer stored version, else write the region,
    /// then its index entry. Under maxmemory the first write is refused and nothing is applied.
    /// KEYS: region key, index key; ARGV: index field, index entry, payload, version.
    /// </summary>
    private const string SaveIfNotOlder = """
        local held = redis.call('HGET', KEYS[2], ARGV[1])
        if held then
          local version = tonumber(string.match(held, '^(%-?%d+)'))
          if version and version > tonumber(ARGV[4]) then
            return 0
          end
        end
        redis.call('SET', KEYS[1], ARGV[3])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        return 1
        """;

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

    public async Task<bool> SaveRegionAsync(RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Provider.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Provider id '{catalog.Provider}' must not contain '/'.", nameof(catalog));
        }

        ct.ThrowIfCancellationRequested();
        var payload = CatalogJson.SerializeRegion(catalog);
        var written = await redis.GetDatabase().ScriptEvaluateAsync(
                SaveIfNotOlder,
                [RegionKeyOf(catalog.Key), indexKey],
                [IndexField(catalog.Key), IndexEntry(catalog), payload, catalog.Version])
            .WaitAsync(ct)
            .ConfigureAwait(false);
        return (long)written == 1;
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
