using System.Text.Json;
using Recommender.Core.Catalog;

namespace Recommender.Core.Snapshots;

/// <summary>Writes snapshot files: indented, so an operator can read and diff an export.</summary>
public static class CatalogSnapshotWriter
{
    /// <summary>A document holding every region of <paramref name="snapshot"/>.</summary>
    public static CatalogDocument ToDocument(CatalogSnapshot snapshot, DateTimeOffset generatedAt, string? notice)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var used = snapshot.Regions.Select(r => r.Provider).ToHashSet(StringComparer.Ordinal);
        var providers = snapshot.Providers.Where(p => used.Contains(p.Id)).ToList();
        return new CatalogDocument(CatalogDocument.CurrentFormat, generatedAt, notice, providers, snapshot.Regions);
    }

    public static async Task WriteAsync(Stream stream, CatalogDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        await using (writer.ConfigureAwait(false))
        {
            JsonSerializer.Serialize(writer, document, CatalogJson.Default.CatalogDocument);
            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }
}
