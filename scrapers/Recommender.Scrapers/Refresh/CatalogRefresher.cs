using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Scrapers.Metrics;
using Recommender.Scrapers.Status;

namespace Recommender.Scrapers.Refresh;

/// <summary>
/// Fetch, validate, publish: the whole behaviour of the scrapers, usable without a scheduler. A failed refresh keeps
/// the last good region (nothing is published) and is recorded; one region's failure never stops the others.
/// Refreshes of one region are serialized, because partial kinds build on the previous catalog, and coalesced: one
/// asked for while a covering one of the region is unfinished waits for it (see <see cref="RegionRefreshCoalescer"/>).
/// On-demand refreshes are rate-limited per region by <c>Scrapers:OnDemandRefreshInterval</c>.
/// </summary>
public sealed partial class CatalogRefresher(
    IEnumerable<ICloudProvider> providers,
    ICatalog catalog,
    ICatalogPublisher publisher,
    RefreshStatusRegistry status,
    ScraperMetrics metrics,
    IOptions<ScraperOptions> options,
    TimeProvider time,
    ILogger<CatalogRefresher> logger)
{
    private const int MaxErrorMessageLength = 1000;
    private const int MaxVendorCodeLength = 128;
    private const string Truncated = " [truncated]";

    private readonly IReadOnlyList<ICloudProvider> providers = [.. providers];
    private readonly ConcurrentDictionary<RegionKey, Region> regions = new();
    private readonly ConcurrentDictionary<string, bool> discovered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RegionKey, SemaphoreSlim> regionGates = new();
    private readonly RegionRefreshCoalescer flights = new(time);
    private readonly OnDemandDiscovery onDemandDiscovery = new(time);

    public IReadOnlyList<ICloudProvider> Providers => providers;

    /// <summary>Refreshes (scheduled or on demand) waiting on a covering one of their region that another caller started.</summary>
    public int JoinedRefreshes => flights.Waiting;

    /// <summary>Refreshes every region of every provider, at most <c>MaxParallelRegions</c> at a time per provider.</summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="ct"/> fires (shutdown).</exception>
    public async Task<RefreshSummary> RefreshAllAsync(RefreshKind kind, CancellationToken ct)
    {
        var succeeded = new ConcurrentBag<RegionKey>();
        var failed = new ConcurrentBag<RegionKey>();
        var skipped = new List<RegionKey>();
        foreach (var provider in providers)
        {
            if (!discovered.ContainsKey(provider.Name))
            {
                await DiscoverAsync(provider, ct).ConfigureAwait(false);
            }

            var work = new List<Region>();
            foreach (var region in RegionsOf(provider.Name))
            {
                if (status.IsListed(new RegionKey(provider.Name, region.Id)))
                {
                    work.Add(region);
                }
                else
                {
                    skipped.Add(new RegionKey(provider.Name, region.Id));
                }
            }

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelRegions, CancellationToken = ct };
            await Parallel.ForEachAsync(work, parallel, async (region, token) =>
            {
                var ok = await RefreshCoalescedAsync(provider, region, kind, onDemand: false, token).ConfigureAwait(false);
                (ok ? succeeded : failed).Add(new RegionKey(provider.Name, region.Id));
            }).ConfigureAwait(false);
        }

        return new RefreshSummary(kind, Sorted(succeeded), Sorted(failed), skipped);
    }

    /// <summary>
    /// Refreshes one region now (the <c>refreshCatalog</c> mutation) and returns its status afterwards; a failed refresh
    /// is reported in the status, not thrown. A refresh of the region that covers <paramref name="kind"/> and is still
    /// running (scheduled or on demand) is joined instead; otherwise at most one on-demand refresh of a region starts
    /// per <c>Scrapers:OnDemandRefreshInterval</c>, and a region name we do not know triggers at most one discovery
    /// of the provider per interval.
    /// </summary>
    /// <exception cref="NotFoundException">Unknown provider, or a region neither discovered nor held.</exception>
    /// <exception cref="ScrapersDisabledException">The scrapers are off in this process.</exception>
    /// <exception cref="RefreshRateLimitedException">Too soon after the last on-demand refresh, and nothing to join.</exception>
    public async Task<RegionRefreshStatus> RefreshNowAsync(string provider, string region, RefreshKind kind, CancellationToken ct)
    {
        var state = status.State;
        if (state.Mode == ScraperMode.Disabled)
        {
            throw new ScrapersDisabledException(state.Reason ?? "scrapers disabled");
        }

        var cloud = providers.FirstOrDefault(p => string.Equals(p.Name, provider, StringComparison.Ordinal))
            ?? throw new NotFoundException("provider", provider);
        var target = RegionsOf(cloud.Name).FirstOrDefault(r => string.Equals(r.Id, region, StringComparison.Ordinal));
        if (target is null)
        {
            await onDemandDiscovery.RunAsync(cloud.Name, options.Value.OnDemandRefreshInterval, () => DiscoverAsync(cloud, ct), ct)
                .ConfigureAwait(false);
            target = RegionsOf(cloud.Name).FirstOrDefault(r => string.Equals(r.Id, region, StringComparison.Ordinal))
                ?? throw new NotFoundException("region", region);
        }

        await RefreshCoalescedAsync(cloud, target, kind, onDemand: true, ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return status.Find(new RegionKey(cloud.Name, target.Id))!;
    }

    /// <summary>Asks every provider for its regions; returns the regions listed that we hold no catalog for yet.</summary>
    public async Task<IReadOnlyList<RegionKey>> DiscoverRegionsAsync(CancellationToken ct)
    {
        var uncataloged = new List<RegionKey>();
        foreach (var provider in providers)
        {
            var listed = await DiscoverAsync(provider, ct).ConfigureAwait(false);
            uncataloged.AddRange(listed.Select(r => new RegionKey(provider.Name, r.Id)).Where(k => catalog.Current.Find(k) is null));
        }

        return uncataloged;
    }

    /// <summary>Discovery, then a full refresh of listed regions we hold nothing for (new regions, or a cold start).</summary>
    public async Task<RefreshSummary> DiscoverAndFillAsync(CancellationToken ct)
    {
        var missing = await DiscoverRegionsAsync(ct).ConfigureAwait(false);
        var succeeded = new List<RegionKey>();
        var failed = new List<RegionKey>();
        foreach (var key in missing)
        {
            var provider = providers.First(p => string.Equals(p.Name, key.Provider, StringComparison.Ordinal));
            var ok = await RefreshCoalescedAsync(provider, regions[key], RefreshKind.Full, onDemand: false, ct).ConfigureAwait(false);
            (ok ? succeeded : failed).Add(key);
        }

        ct.ThrowIfCancellationRequested();
        return new RefreshSummary(RefreshKind.Full, succeeded, failed, []);
    }

    private async Task<IReadOnlyList<Region>> DiscoverAsync(ICloudProvider provider, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.Value.RefreshTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            var listed = (await provider.GetRegionsAsync(linked.Token).WaitAsync(linked.Token).ConfigureAwait(false))
                .Where(r => IsAllowed(r.Id)).ToList();
            foreach (var region in listed)
            {
                regions[new RegionKey(provider.Name, region.Id)] = region;
            }

            var held = RegionsOf(provider.Name).Select(r => r.Id).ToList();
            status.RecordDiscovery(provider.Name, time.GetUtcNow(), [.. listed.Select(r => r.Id)], held);
            discovered[provider.Name] = true;
            var missing = held.Except(listed.Select(r => r.Id), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                LogRegionsMissing(provider.Name, string.Join(", ", missing));
            }

            return listed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = ToError(ex, provider.Name, timeout.IsCancellationRequested);
            status.RecordDiscoveryFailure(provider.Name, error);
            metrics.RecordDiscoveryFailure(provider.Name, error);
            LogDiscoveryFailed(ex, provider.Name, error.Code);
            return [];
        }
    }

    /// <summary>
    /// <see cref="RefreshRegionAsync"/> through the single flight of the region. Throws only the rate limit (on demand)
    /// and, for a caller that joined, <see cref="OperationCanceledException"/> when <paramref name="ct"/> fires.
    /// </summary>
    private Task<bool> RefreshCoalescedAsync(ICloudProvider provider, Region region, RefreshKind kind, bool onDemand, CancellationToken ct) =>
        flights.RunAsync(
            new RegionKey(provider.Name, region.Id),
            kind,
            onDemand ? options.Value.OnDemandRefreshInterval : null,
            () => RefreshRegionAsync(provider, region, kind, ct),
            ct);

    /// <summary>Never throws: every outcome, shutdown included, ends up in the status registry.</summary>
    private async Task<bool> RefreshRegionAsync(ICloudProvider provider, Region region, RefreshKind kind, CancellationToken ct)
    {
        var key = new RegionKey(provider.Name, region.Id);
        var gate = regionGates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        var started = time.GetTimestamp();
        status.RecordAttempt(key, kind, time.GetUtcNow());
        using var timeout = new CancellationTokenSource(options.Value.RefreshTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var entered = false;
        try
        {
            await gate.WaitAsync(linked.Token).ConfigureAwait(false);
            entered = true;
            var previous = catalog.Current.Find(key);
            // WaitAsync: a provider that ignores its token still cannot hold the refresh past the timeout.
            var result = await provider.RefreshRegionAsync(region, kind, previous, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
            RegionCatalogValidator.Validate(result.Catalog, provider.Name, region, kind, previous);
            await publisher.PublishAsync(result.Catalog, linked.Token).ConfigureAwait(false);
            if (result.Catalog.Region.Zones.Count > 0)
            {
                regions[key] = result.Catalog.Region;
            }

            var elapsed = time.GetElapsedTime(started);
            status.RecordSuccess(key, kind, time.GetUtcNow(), elapsed, result.ApiCalls);
            metrics.RecordSuccess(provider.Name, region.Id, kind, elapsed, result.ApiCalls);
            LogRefreshed(key.ToString(), kind, result.ApiCalls, elapsed.TotalMilliseconds);
            return true;
        }
        catch (Exception ex)
        {
            var elapsed = time.GetElapsedTime(started);
            var error = ex is OperationCanceledException && ct.IsCancellationRequested
                ? new RefreshError(ScraperErrorCodes.RefreshCancelled, "Refresh cancelled: the service is stopping.", true, time.GetUtcNow())
                : ToError(ex, key.ToString(), timeout.IsCancellationRequested);
            status.RecordFailure(key, kind, elapsed, error);
            metrics.RecordFailure(provider.Name, region.Id, kind, elapsed, error);
            LogRefreshFailed(ex, key.ToString(), kind, error.Code, error.Message);
            return false;
        }
        finally
        {
            if (entered)
            {
                gate.Release();
            }
        }
    }

    /// <summary>
    /// Messages and vendor codes come from providers, and through them from upstream; they are kept and shown to callers,
    /// so they are bounded here whatever the provider does (the Alibaba one also redacts credentials at its edge).
    /// </summary>
    private RefreshError ToError(Exception ex, string what, bool timedOut)
    {
        var classified = timedOut && ex is OperationCanceledException
            ? new RefreshTimeoutException(what, options.Value.RefreshTimeout)
            : ex;
        return classified is RecommenderException known
            ? new RefreshError(
                known.Code, Bounded(known.Message, MaxErrorMessageLength), known.IsTransient, time.GetUtcNow(),
                (known as CloudApiException)?.VendorCode is { } vendorCode ? Bounded(vendorCode, MaxVendorCodeLength) : null)
            : new RefreshError(ErrorCodes.Internal, Bounded($"{ex.GetType().Name}: {ex.Message}", MaxErrorMessageLength), false, time.GetUtcNow());
    }

    private static string Bounded(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - Truncated.Length), Truncated);

    /// <summary>Regions discovered, plus the ones only the catalog holds (snapshot data, or vanished from the provider).</summary>
    private List<Region> RegionsOf(string provider)
    {
        foreach (var held in catalog.Current.Regions)
        {
            if (string.Equals(held.Provider, provider, StringComparison.Ordinal) && IsAllowed(held.Region.Id))
            {
                regions.TryAdd(held.Key, held.Region);
            }
        }

        return [.. regions.Where(r => string.Equals(r.Key.Provider, provider, StringComparison.Ordinal))
            .Select(r => r.Value).OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    private bool IsAllowed(string region) =>
        options.Value.Regions.Count == 0 || options.Value.Regions.Contains(region, StringComparer.Ordinal);

    private static List<RegionKey> Sorted(IEnumerable<RegionKey> keys) =>
        [.. keys.OrderBy(k => k.Provider, StringComparer.Ordinal).ThenBy(k => k.Region, StringComparer.Ordinal)];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refreshed {Region} ({Kind}): {ApiCalls} API calls in {ElapsedMs} ms")]
    private partial void LogRefreshed(string region, RefreshKind kind, int apiCalls, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh of {Region} ({Kind}) failed with {Code}: {Reason}; keeping the last good data")]
    private partial void LogRefreshFailed(Exception ex, string region, RefreshKind kind, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region discovery of {Provider} failed with {Code}")]
    private partial void LogDiscoveryFailed(Exception ex, string provider, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} no longer lists {Regions}; their last data is kept")]
    private partial void LogRegionsMissing(string provider, string regions);
}
