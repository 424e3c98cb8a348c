using System.Text;
using System.Text.Json.Nodes;
using Recommender.Core.Snapshots;
using Recommender.Testing.Stores;

namespace Recommender.Core.Tests;

/// <summary>Snapshot texts for reader tests: a valid two-region document and targeted corruptions of it.</summary>
internal static class CatalogDocuments
{
    /// <summary>cn-hangzhou with 3 types, cn-beijing with 20.</summary>
    public static CatalogDocument Valid() =>
        TestCatalogs.Document(TestCatalogs.Region("cn-hangzhou", 1, typeCount: 3), TestCatalogs.Region("cn-beijing", 1, typeCount: 20));

    public static byte[] Utf8(CatalogDocument document)
    {
        using var stream = new MemoryStream();
        CatalogSnapshotWriter.WriteAsync(stream, document, CancellationToken.None).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    public static string Text(CatalogDocument document) => Encoding.UTF8.GetString(Utf8(document));

    /// <summary>
    /// The valid document (or <c>document</c>) with the value at <paramref name="path"/> (dotted, with [i] indexes, no leading $) replaced by
    /// <paramref name="json"/>, or removed when <paramref name="json"/> is null.
    /// </summary>
    public static byte[] With(string path, string? json) => With(Valid(), path, json);

    public static byte[] With(CatalogDocument document, string path, string? json)
    {
        var root = JsonNode.Parse(Utf8(document))!;
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var parent = root;
        foreach (var step in steps[..^1])
        {
            parent = Step(parent, step);
        }

        var last = steps[^1];
        var value = json is null ? null : JsonNode.Parse(json);
        if (last.StartsWith('['))
        {
            parent.AsArray()[Index(last)] = value;
        }
        else if (value is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static JsonNode Step(JsonNode node, string step) =>
        (step.StartsWith('[') ? node.AsArray()[Index(step)] : node[step]) ?? throw new ArgumentException($"no {step}");

    private static int Index(string step) => int.Parse(step.AsSpan(1, step.Length - 2), System.Globalization.CultureInfo.InvariantCulture);
}
