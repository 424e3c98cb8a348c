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
            throw FromJsonException(e, utf8);
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

    private static CatalogFormatException FromJsonException(JsonException e, ReadOnlyMemory<byte> utf8)
    {
        var where = e.LineNumber is { } line
            ? $" (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1})"
            : string.Empty;
        var path = e.Path ?? "$";
        // "could not be converted to <containing type>" is all the serializer says about a wrong value: show the value.
        var reason = e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && FoundAt(utf8, path) is { } found
            ? $"not a valid value here: found {found}."
            : FirstSentence(e.Message);
        return new CatalogFormatException(path, $"{reason}{where}", e);
    }

    /// <summary>The raw JSON at <paramref name="path"/> (as System.Text.Json writes paths), or null when the text does not parse.</summary>
    private static string? FoundAt(ReadOnlyMemory<byte> utf8, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            var node = document.RootElement;
            foreach (var step in path.TrimStart('$').Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                node = step.StartsWith('[')
                    ? node[int.Parse(step.AsSpan(1, step.Length - 2), System.Globalization.CultureInfo.InvariantCulture)]
                    : node.GetProperty(step);
            }

            var raw = node.GetRawText();
            return raw.Length > 60 ? raw[..60] + "..." : raw;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    // System.Text.Json repeats path and line in its message; keep only the explanation.
    private static string FirstSentence(string message)
    {
        var pathAt = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return pathAt > 0 ? message[..pathAt] : message;
    }
}
