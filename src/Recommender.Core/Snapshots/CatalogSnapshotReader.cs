using System.Text.Json;
using Recommender.Core.Errors;

namespace Recommender.Core.Snapshots;

/// <summary>
/// Reads a catalog snapshot file and refuses anything malformed with a <see cref="CatalogFormatException"/> whose
/// path names the offending place, so an operator can fix the file without guessing.
/// </summary>
public static class CatalogSnapshotReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task<CatalogDocument> ReadAsync(Stream stream, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Parses, checks the shape, then the meaning of a snapshot; throws <see cref="CatalogFormatException"/>.</summary>
    public static CatalogDocument Read(ReadOnlyMemory<byte> utf8)
    {
        CatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8.Span, CatalogJson.Default.CatalogDocument);
        }
        catch (JsonException e)
        {
            throw FromJsonException(e);
        }
        catch (Exception e) when (e is ArgumentException or NullReferenceException or InvalidOperationException)
        {
            // A model constructor refused the data (a missing list, a duplicate type name): locate it in the raw document.
            CheckShape(utf8);
            throw new CatalogFormatException("$", e.Message, e);
        }

        if (document is null)
        {
            throw new CatalogFormatException("$", "the document is null.");
        }

        CheckShape(utf8);
        CatalogDocumentValidator.Validate(document);
        return document;
    }

    private static void CheckShape(ReadOnlyMemory<byte> utf8)
    {
        using var raw = JsonDocument.Parse(utf8, DocumentOptions);
        CatalogShape.Check(raw.RootElement);
    }

    private static CatalogFormatException FromJsonException(JsonException e)
    {
        var where = e.LineNumber is { } line
            ? $" (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1})"
            : string.Empty;
        return new CatalogFormatException(e.Path ?? "$", $"{FirstSentence(e.Message)}{where}", e);
    }

    // System.Text.Json repeats path and line in its message; keep only the explanation.
    private static string FirstSentence(string message)
    {
        var pathAt = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return pathAt > 0 ? message[..pathAt] : message;
    }
}
