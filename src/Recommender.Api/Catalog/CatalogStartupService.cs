using Microsoft.Extensions.Options;
using Recommender.Core.Errors;
using Recommender.Core.Snapshots;

namespace Recommender.Api.Catalog;

/// <summary>Loads the catalog before the service starts answering (hosted services start before the server listens).</summary>
public sealed class CatalogStartupService(CatalogLoader loader, IOptions<CatalogOptions> options, ILogger<CatalogStartupService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        Report(await loader.LoadAsync(options.Value.File, cancellationToken).ConfigureAwait(false), options.Value.File, logger);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static void Report(CatalogLoadResult result, string? file, ILogger logger)
    {
        switch (result.Error)
        {
            case null:
                CatalogLog.Loaded(logger, result.Origin, result.Source, result.RegionCount);
                if (result.Origin == CatalogLoadOrigin.Store && file is not null)
                {
                    CatalogLog.FileIgnored(logger, file);
                }

                break;
            case CatalogFormatException invalid:
                CatalogLog.InvalidSnapshot(logger, result.Source, invalid.Path, invalid.Message);
                break;
            default:
                CatalogLog.UnreadableSnapshot(logger, result.Error, result.Source);
                break;
        }
    }
}
