namespace Recommender.Core.Catalog;

/// <summary>
/// The in-process catalog: readers take <see cref="Current"/>, an immutable snapshot; writers build a new snapshot
/// and swap it in with one reference write under a short lock that is never held across I/O.
/// The store is where regions are shared and kept; when it cannot be reached the service goes on serving what it
/// holds, and <see cref="SyncWithStoreAsync"/> catches up once it answers. Between memory and store the newer
/// <see cref="RegionCatalog.Version"/> wins in both directions, so replicas converge on one catalog.
/// </summary>
public sealed class InProcessCatalog : ICatalog, ICatalogPublisher
{
    private readonly ICatalogStore store;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private volatile CatalogSnapshot current = CatalogSnapshot.Empty;
    private StoreState storeState = StoreState.Available;
    private string? lastStoreError;
    private DateTimeOffset? lastStoreSuccessAt;

    public InProcessCatalog(ICatalogStore store)
        : this(store, TimeProvider.System)
    {
    }

    public InProcessCatalog(ICatalogStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        this.store = store;
        this.time = time;
    }

    public CatalogSnapshot Current => current;

    public StoreState StoreState
    {
        get
        {
            lock (gate)
            {
                return storeState;
            }
        }
    }

    /// <summary>The newest store failure, kept until the store answers again.</summary>
    public string? LastStoreError
    {
        get
        {
            lock (gate)
            {
                return lastStoreError;
            }
        }
    }

    public DateTimeOffset? LastStoreSuccessAt
    {
        get
        {
            lock (gate)
            {
                return lastStoreSuccessAt;
            }
        }
    }

    /// <summary>
    /// Persists the region and serves it. When the store is down the region is served at once and persisted by the
    /// next successful <see cref="SyncWithStoreAsync"/>; while the store is known to be down it is not even tried,
    /// so an import of many regions does not wait for one timeout per region.
    /// </summary>
    public async Task PublishAsync(RegionCatalog region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (StoreState == StoreState.Available)
        {
            try
            {
                await store.SaveRegionAsync(region, ct).ConfigureAwait(false);
                RecordSuccess();
            }
            catch (Exception e) when (IsStoreFailure(e, ct))
            {
                RecordFailure(e);
            }
        }
        else
        {
            ct.ThrowIfCancellationRequested();
        }

        Adopt(region);
    }

    /// <summary>Swaps <paramref name="region"/> in without writing it to the store (it came from the store).</summary>
    public void Adopt(RegionCatalog region)
    {
        ArgumentNullException.ThrowIfNull(region);
        lock (gate)
        {
            current = current.With(region, KnownProviders.Resolve(region.Provider));
        }
    }

    /// <summary>
    /// Reconciles memory with the store, newer version winning: writes every region the store lacks or holds in an
    /// older version (published here while the store was down, or lost by a store restarted without persistence),
    /// then adopts every region the store holds in a newer version (written by another replica or a scraper).
    /// Returns false when the store could not be reached; the failure is recorded in <see cref="StoreState"/> and
    /// <see cref="LastStoreError"/>, never thrown.
    /// </summary>
    public async Task<bool> SyncWithStoreAsync(CancellationToken ct)
    {
        try
        {
            var stored = (await store.ListRegionsAsync(ct).ConfigureAwait(false)).ToDictionary(v => v.Key, v => v.Version);
            var newerHere = current.Regions.Where(r => !stored.TryGetValue(r.Key, out var version) || version < r.Version).ToList();
            foreach (var region in newerHere)
            {
                // Refused when another writer stored a newer version since the listing: adopted below next time.
                if (await store.SaveRegionAsync(region, ct).ConfigureAwait(false))
                {
                    stored[region.Key] = region.Version;
                }
            }

            foreach (var (key, version) in stored)
            {
                if (current.Find(key) is { } held && held.Version >= version)
                {
                    continue;
                }

                if (await store.GetRegionAsync(key, ct).ConfigureAwait(false) is { } newer)
                {
                    AdoptIfNewer(newer);
                }
            }

            RecordSuccess();
            return true;
        }
        catch (Exception e) when (IsStoreFailure(e, ct))
        {
            RecordFailure(e);
            return false;
        }
    }

    private void AdoptIfNewer(RegionCatalog region)
    {
        lock (gate)
        {
            if (current.Find(region.Key) is { } held && held.Version >= region.Version)
            {
                return;
            }

            current = current.With(region, KnownProviders.Resolve(region.Provider));
        }
    }

    private void RecordSuccess()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            storeState = StoreState.Available;
            lastStoreError = null;
            lastStoreSuccessAt = now;
        }
    }

    private void RecordFailure(Exception e)
    {
        lock (gate)
        {
            storeState = StoreState.Unavailable;
            lastStoreError = $"{e.GetType().Name}: {e.Message}";
        }
    }

    // Cancellation by our caller is not a store failure; everything else the store throws is (timeouts, refused
    // connections, server errors).
    private static bool IsStoreFailure(Exception e, CancellationToken ct) => !(e is OperationCanceledException && ct.IsCancellationRequested);
}
