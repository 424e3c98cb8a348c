using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;

namespace Recommender.Scrapers.Status;

/// <summary>
/// The scrapers' per-region bookkeeping. Writers are the refresher and the hosted service; every read builds immutable
/// records under one short lock, so readers never see half an update. Staleness is computed at read time.
/// </summary>
public sealed class RefreshStatusRegistry(ICatalog catalog, IOptions<ScraperOptions> options, TimeProvider time) : IRefreshStatus
{
    private static readonly RefreshKind[] Kinds = Enum.GetValues<RefreshKind>();

    private readonly Lock gate = new();
    private readonly Dictionary<RegionKey, RegionEntry> regions = [];
    private readonly Dictionary<string, ProviderDiscoveryStatus> providers = new(StringComparer.Ordinal);
    private ScraperState state = new(ScraperMode.NotStarted, null, "memory", null);

    public ScraperState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    public void SetState(ScraperState value)
    {
        lock (gate)
        {
            state = value;
        }
    }

    public IReadOnlyList<ProviderDiscoveryStatus> GetProviders()
    {
        lock (gate)
        {
            return [.. providers.Values.OrderBy(p => p.Provider, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<RegionRefreshStatus> GetRegions()
    {
        var snapshot = catalog.Current;
        var now = time.GetUtcNow();
        lock (gate)
        {
            return [.. regions
                .OrderBy(r => r.Key.Provider, StringComparer.Ordinal)
                .ThenBy(r => r.Key.Region, StringComparer.Ordinal)
                .Select(r => Build(r.Key, r.Value, snapshot, now))];
        }
    }

    public RegionRefreshStatus? Find(RegionKey key)
    {
        var snapshot = catalog.Current;
        var now = time.GetUtcNow();
        lock (gate)
        {
            return regions.TryGetValue(key, out var entry) ? Build(key, entry, snapshot, now) : null;
        }
    }

    public void RecordAttempt(RegionKey key, RefreshKind kind, DateTimeOffset at)
    {
        lock (gate)
        {
            var k = Entry(key).Kinds[(int)kind];
            k.LastAttemptAt = at;
            k.IsRunning = true;
        }
    }

    public void RecordSuccess(RegionKey key, RefreshKind kind, DateTimeOffset at, TimeSpan duration, int apiCalls)
    {
        lock (gate)
        {
            var k = Entry(key).Kinds[(int)kind];
            k.IsRunning = false;
            k.LastSuccessAt = at;
            k.LastDuration = duration;
            k.LastApiCalls = apiCalls;
            k.TotalApiCalls += apiCalls;
            k.LastError = null;
            k.ConsecutiveFailures = 0;
        }
    }

    public void RecordFailure(RegionKey key, RefreshKind kind, TimeSpan duration, RefreshError error)
    {
        lock (gate)
        {
            var k = Entry(key).Kinds[(int)kind];
            k.IsRunning = false;
            k.LastDuration = duration;
            k.LastError = error;
            k.ConsecutiveFailures++;
        }
    }

    /// <summary>Records a discovery: listed regions are (re)marked listed, known ones absent from the list are flagged.</summary>
    public void RecordDiscovery(string provider, DateTimeOffset at, IReadOnlyCollection<string> listed, IEnumerable<string> held)
    {
        var listedSet = listed.ToHashSet(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var region in listedSet)
            {
                Entry(new RegionKey(provider, region)).IsListed = true;
            }

            foreach (var region in held.Where(r => !listedSet.Contains(r)))
            {
                Entry(new RegionKey(provider, region)).IsListed = false;
            }

            var missing = regions.Where(r => r.Key.Provider == provider && !r.Value.IsListed).Select(r => r.Key.Region)
                .Order(StringComparer.Ordinal).ToList();
            providers[provider] = new ProviderDiscoveryStatus(provider, at, at, listedSet.Count, missing, null);
        }
    }

    public void RecordDiscoveryFailure(string provider, RefreshError error)
    {
        lock (gate)
        {
            var previous = providers.GetValueOrDefault(provider);
            providers[provider] = previous is null
                ? new ProviderDiscoveryStatus(provider, error.At, null, 0, [], error)
                : previous with { LastAttemptAt = error.At, LastError = error };
        }
    }

    /// <summary>True unless the last discovery stopped listing the region.</summary>
    public bool IsListed(RegionKey key)
    {
        lock (gate)
        {
            return !regions.TryGetValue(key, out var entry) || entry.IsListed;
        }
    }

    private RegionEntry Entry(RegionKey key)
    {
        if (!regions.TryGetValue(key, out var entry))
        {
            entry = new RegionEntry();
            regions[key] = entry;
        }

        return entry;
    }

    private RegionRefreshStatus Build(RegionKey key, RegionEntry entry, CatalogSnapshot snapshot, DateTimeOffset now)
    {
        var catalogUpdatedAt = snapshot.Find(key)?.UpdatedAt;
        var fullSuccess = entry.Kinds[(int)RefreshKind.Full].LastSuccessAt;
        var kinds = Kinds.Select(kind =>
        {
            var k = entry.Kinds[(int)kind];
            // The catalog's own stamp only counts when this process never refreshed the kind: every publish moves it.
            var freshest = Max(k.LastSuccessAt, fullSuccess) ?? catalogUpdatedAt;
            var stale = freshest is null || now - freshest.Value > options.Value.StaleAfter.For(kind);
            return new RefreshKindStatus(kind, k.LastAttemptAt, k.LastSuccessAt, k.LastDuration, k.LastApiCalls,
                k.TotalApiCalls, k.LastError, k.ConsecutiveFailures, k.IsRunning, stale);
        }).ToList();
        return new RegionRefreshStatus(key, entry.IsListed, kinds.Exists(k => k.IsStale), catalogUpdatedAt, kinds);
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;

    private sealed class RegionEntry
    {
        public bool IsListed { get; set; } = true;

        public KindEntry[] Kinds { get; } = [.. RefreshStatusRegistry.Kinds.Select(_ => new KindEntry())];
    }

    private sealed class KindEntry
    {
        public DateTimeOffset? LastAttemptAt { get; set; }

        public DateTimeOffset? LastSuccessAt { get; set; }

        public TimeSpan? LastDuration { get; set; }

        public int LastApiCalls { get; set; }

        public long TotalApiCalls { get; set; }

        public RefreshError? LastError { get; set; }

        public int ConsecutiveFailures { get; set; }

        public bool IsRunning { get; set; }
    }
}
