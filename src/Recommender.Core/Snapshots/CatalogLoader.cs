using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Core.Snapshots;

/// <summary>
/// Start-up loading. A shared store that already holds regions wins (the replicas agree on one catalog); otherwise the
/// configured snapshot file is imported, or the embedded sample when none is configured. A file that cannot be read
/// or is malformed is reported in the result and changes nothing.
/// </summary>
public sealed class CatalogLoader(InProcessCatalog catalog, CatalogImporter importer)
{
    public const string StoreSource = "store";

    /// <param name="file">The snapshot file to import when the store is empty; null for the embedded sample.</param>
    public async Task<CatalogLoadResult> LoadAsync(string? file, CancellationToken ct)
    {
        await catalog.SyncWithStoreAsync(ct).ConfigureAwait(false);
        if (!catalog.Current.IsEmpty)
        {
            return new CatalogLoadResult(CatalogLoadOrigin.Store, StoreSource, catalog.Current.Regions.Count, null);
        }

        var origin = file is null ? CatalogLoadOrigin.Sample : CatalogLoadOrigin.File;
        var source = file ?? EmbeddedSample.ResourceName;
        try
        {
            var stream = file is null ? EmbeddedSample.Open() : File.OpenRead(file);
            if (stream is null)
            {
                return new CatalogLoadResult(CatalogLoadOrigin.None, source, 0,
                    new FileNotFoundException("This build embeds no sample catalog; configure Catalog:File.", source));
            }

            await using (stream.ConfigureAwait(false))
            {
                var document = await importer.ImportAsync(stream, ct).ConfigureAwait(false);
                return new CatalogLoadResult(origin, source, document.Regions.Count, null);
            }
        }
        catch (Exception e) when (e is CatalogFormatException or IOException or UnauthorizedAccessException)
        {
            return new CatalogLoadResult(CatalogLoadOrigin.None, source, 0, e);
        }
    }
}
