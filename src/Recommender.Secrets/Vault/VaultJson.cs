using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Secrets.Vault;

/// <summary>Reads Vault's answers (contract §2–§5) from <see cref="JsonNode"/>s: no reflection, unknown keys ignored.</summary>
internal static class VaultJson
{
    public static JsonObject? Object(JsonObject? parent, string name) => parent?[name] as JsonObject;

    public static string? String(JsonObject? parent, string name) =>
        parent?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Bool(JsonObject? parent, string name) =>
        parent?[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>An integer field; Vault's weak decoding means numbers may arrive as strings too.</summary>
    public static long? Long(JsonObject? parent, string name)
    {
        if (parent?[name] is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue<long>(out var l) => l,
            JsonValueKind.Number when value.TryGetValue<double>(out var d) => (long)d,
            JsonValueKind.String when long.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
            _ => null,
        };
    }

    /// <summary>RFC 3339 (nanoseconds allowed); null for <c>""</c>, JSON null or a missing key.</summary>
    public static DateTimeOffset? Time(JsonObject? parent, string name) =>
        String(parent, name) is { Length: > 0 } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;

    /// <summary>A version metadata object (§4.2); null when it lacks a version or creation time.</summary>
    public static VaultKvVersion? Version(JsonObject? metadata, long? knownVersion = null)
    {
        var version = Long(metadata, "version") ?? knownVersion;
        var created = Time(metadata, "created_time");
        return version is null || created is null
            ? null
            : new VaultKvVersion(version.Value, created.Value, Time(metadata, "deletion_time"), Bool(metadata, "destroyed"));
    }

    /// <summary>A key's metadata (§4.3, the <c>data</c> of a metadata read); null when it is not that shape.</summary>
    public static VaultKvMetadata? Metadata(JsonObject? data)
    {
        var current = Long(data, "current_version");
        var created = Time(data, "created_time");
        if (current is null || created is null)
        {
            return null;
        }

        var versions = new Dictionary<long, VaultKvVersion>();
        foreach (var (key, node) in Object(data, "versions") ?? new JsonObject())
        {
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Version(node as JsonObject, number) is { } v)
            {
                versions[number] = v;
            }
        }

        var updated = Time(data, "updated_time") ?? created.Value;
        return new VaultKvMetadata(current.Value, created.Value, updated, StringMap(Object(data, "custom_metadata")), versions);
    }

    public static IReadOnlyDictionary<string, string> StringMap(JsonObject? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in map ?? new JsonObject())
        {
            if (node is JsonValue v && v.TryGetValue<string>(out var s))
            {
                result[key] = s;
            }
        }

        return result;
    }

    public static IReadOnlyList<string> Strings(JsonObject? parent, string name) =>
        parent?[name] is JsonArray array
            ? [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
            : [];

    /// <summary>Every string leaf of a request body, so that an error echoing one can be redacted.</summary>
    public static IEnumerable<string> StringLeaves(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => StringLeaves(p.Value)),
        JsonArray a => a.SelectMany(StringLeaves),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>Parses a body; null when it is empty or not a JSON object.</summary>
    public static JsonObject? Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
