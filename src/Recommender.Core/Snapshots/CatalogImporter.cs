using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Core.Snapshots;

/// <summary>
/// Imports a snapshot file into the running catalog. The whole file is read and validated before the first region is
/// published, so a malformed file changes nothing: the regions served before stay served.
/// </summary>
public sealed class CatalogImporter(ICatalogPublisher publisher)
{
    /// <summary>Publishes every region of the file; throws <see cref="CatalogFormatException"/> (nothing published) when malformed.</summary>
    public async Task<CatalogDocument> ImportAsync(Stream stream, CancellationToken ct)
    {
        var document = await CatalogSnapshotReader.ReadAsync(stream, ct).ConfigureAwait(false);
        foreach (var region in document.Regions)
        {
            await publisher.PublishAsync(region, ct).ConfigureAwait(false);
        }

        return document;
    }
}
