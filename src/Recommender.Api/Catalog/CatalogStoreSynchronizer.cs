using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;

namespace Recommender.Api.Catalog;

/// <summary>
/// Every <see cref="CatalogOptions.SyncInterval"/>: adopts newer regions from the store (other replicas, scrapers),
/// re-persists regions published while the store was down, and records store health. A failed round is logged once
/// per outage and retried on the next tick; the catalog in memory keeps being served throughout.
/// </summary>
public sealed class CatalogStoreSynchronizer(
    InProcessCatalog catalog,
    IOptions<CatalogOptions> options,
    TimeProvider time,
    ILogger<CatalogStoreSynchronizer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SyncInterval, time);
        var outageReported = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var reachable = await catalog.SyncWithStoreAsync(stoppingToken).ConfigureAwait(false);
                if (!reachable && !outageReported)
                {
                    CatalogLog.StoreUnavailable(logger, catalog.LastStoreError);
                }
                else if (reachable && outageReported)
                {
                    CatalogLog.StoreAvailable(logger);
                }

                outageReported = !reachable;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
