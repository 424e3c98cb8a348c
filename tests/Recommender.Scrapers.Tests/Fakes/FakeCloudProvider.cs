using System.Collections.Concurrent;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Tests.Builders;

namespace Recommender.Scrapers.Tests.Fakes;

/// <summary>
/// Handwritten ICloudProvider: settable regions and catalogs, recorded calls, a one-shot <see cref="NextError"/>,
/// persistent per-region errors, and a per-call delay on the given clock (a FakeTimeProvider in most tests).
/// </summary>
public sealed class FakeCloudProvider(TimeProvider time, string name = "fake") : ICloudProvider
{
    private readonly ConcurrentQueue<ProviderCall> calls = new();
    private readonly Lock gate = new();
    private Exception? nextError;
    private int inFlight;
    private int maxInFlight;

    public string Name { get; } = name;

    /// <summary>What GetRegionsAsync lists.</summary>
    public List<Region> Regions { get; } = [];

    /// <summary>Catalog returned per region id; absent regions get <see cref="Catalogs.For"/> of the region.</summary>
    public ConcurrentDictionary<string, RegionCatalog> CatalogsByRegion { get; } = new(StringComparer.Ordinal);

    /// <summary>Errors thrown by every refresh of that region until removed.</summary>
    public ConcurrentDictionary<string, Exception> RegionErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Thrown by GetRegionsAsync until cleared.</summary>
    public Exception? RegionsError { get; set; }

    /// <summary>Each call waits this long on the fake's clock, honouring cancellation unless <see cref="IgnoreCancellation"/>.</summary>
    public TimeSpan Delay { get; set; }

    public bool IgnoreCancellation { get; set; }

    public int ApiCallsPerRefresh { get; set; } = 3;

    public IReadOnlyList<ProviderCall> Calls => [.. calls];

    public int InFlight => Volatile.Read(ref inFlight);

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>The next call (of either method) throws this, once.</summary>
    public Exception? NextError
    {
        get { lock (gate) { return nextError; } }
        set { lock (gate) { nextError = value; } }
    }

    public IReadOnlyList<ProviderCall> RefreshCalls(RefreshKind? kind = null) =>
        [.. calls.Where(c => c.Method == nameof(RefreshRegionAsync) && (kind is null || c.Kind == kind))];

    public async Task<IReadOnlyList<Region>> GetRegionsAsync(CancellationToken ct)
    {
        calls.Enqueue(new ProviderCall(nameof(GetRegionsAsync), null, null, null));
        await Enter(ct);
        try
        {
            if (RegionsError is { } error)
            {
                throw error;
            }

            return [.. Regions];
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    public async Task<RegionRefreshResult> RefreshRegionAsync(Region region, RefreshKind kind, RegionCatalog? previous, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(region);
        calls.Enqueue(new ProviderCall(nameof(RefreshRegionAsync), region.Id, kind, previous));
        await Enter(ct);
        try
        {
            if (RegionErrors.TryGetValue(region.Id, out var error))
            {
                throw error;
            }

            var catalog = CatalogsByRegion.TryGetValue(region.Id, out var set) ? set : Catalogs.For(Name, region, time.GetUtcNow());
            return new RegionRefreshResult(catalog, ApiCallsPerRefresh);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    public void Reset()
    {
        calls.Clear();
        Regions.Clear();
        CatalogsByRegion.Clear();
        RegionErrors.Clear();
        RegionsError = null;
        NextError = null;
        Delay = TimeSpan.Zero;
        IgnoreCancellation = false;
        ApiCallsPerRefresh = 3;
        Volatile.Write(ref maxInFlight, 0);
    }

    private async Task Enter(CancellationToken ct)
    {
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            Exception? error;
            lock (gate)
            {
                error = nextError;
                nextError = null;
            }

            if (error is not null)
            {
                throw error;
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, time, IgnoreCancellation ? CancellationToken.None : ct);
            }
        }
        catch
        {
            Interlocked.Decrement(ref inFlight);
            throw;
        }
    }
}
