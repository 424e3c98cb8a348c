using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>Reads KV request parameters the way Vault's weak decoder does (numeric strings are numbers, <c>"true"</c> is true).</summary>
internal static class KvParams
{
    /// <summary>The <c>data</c> object of a write or patch; 400 <c>no data provided</c> without one.</summary>
    public static JsonObject Data(JsonObject body) =>
        body["data"] as JsonObject ?? throw VaultError.BadRequest("no data provided");

    /// <summary><c>options.cas</c>, or null when absent (<c>"options": {}</c> means no cas).</summary>
    public static int? Cas(JsonObject body)
    {
        if (body["options"] is not JsonObject options || !options.TryGetPropertyValue("cas", out var cas) || cas is null)
        {
            return null;
        }

        return TryInt(cas, out var value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw VaultError.BadRequest("error parsing check-and-set parameter");
    }

    /// <summary>The <c>versions</c> list of delete / undelete / destroy; 400 <c>no version number provided</c> when empty.</summary>
    public static IReadOnlyList<int> Versions(JsonObject body)
    {
        var raw = body["versions"];
        var items = raw switch
        {
            JsonArray array => array.ToList(),
            null => [],
            _ => [raw],
        };
        var versions = new List<int>();
        foreach (var item in items)
        {
            if (!TryInt(item, out var version) || version is < 0 or > int.MaxValue)
            {
                throw VaultError.BadRequest("error parsing versions");
            }

            versions.Add((int)version);
        }

        return versions.Count > 0 ? versions : throw VaultError.BadRequest("no version number provided");
    }

    /// <summary>An integer query parameter such as <c>?version=</c>; absent or empty is 0.</summary>
    public static int Query(VaultRequest request, string name)
    {
        var text = request.QueryValue(name);
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw VaultError.BadRequest($"error converting input {text} for field \"{name}\"");
    }

    /// <summary>Applies <c>max_versions</c>, <c>cas_required</c>, <c>delete_version_after</c> when present.</summary>
    public static void ApplySettings(KvSettings settings, JsonObject body)
    {
        if (body.TryGetPropertyValue("max_versions", out var max) && max is not null)
        {
            settings.MaxVersions = TryInt(max, out var value) && value is >= 0 and <= int.MaxValue
                ? (int)value
                : throw VaultError.BadRequest($"error converting input {max.ToJsonString()} for field \"max_versions\"");
        }

        if (body.TryGetPropertyValue("cas_required", out var cas) && cas is not null)
        {
            settings.CasRequired = TryBool(cas, out var value)
                ? value
                : throw VaultError.BadRequest($"error converting input {cas.ToJsonString()} for field \"cas_required\"");
        }

        if (body.TryGetPropertyValue("delete_version_after", out var after) && after is not null)
        {
            settings.DeleteVersionAfter = TryDuration(after, out var value)
                ? value
                : throw VaultError.BadRequest($"error converting input {after.ToJsonString()} for field \"delete_version_after\"");
        }
    }

    /// <summary><c>custom_metadata</c>: null when absent; 400 unless an object of strings (or nulls, for a patch).</summary>
    public static JsonObject? CustomMetadata(JsonObject body)
    {
        if (!body.TryGetPropertyValue("custom_metadata", out var raw) || raw is null)
        {
            return null;
        }

        if (raw is not JsonObject map || map.Any(p => p.Value is not null && p.Value.GetValueKind() != JsonValueKind.String))
        {
            throw VaultError.BadRequest("custom_metadata must be a map of string keys to string values");
        }

        return map;
    }

    public static bool TryInt(JsonNode? node, out long value)
    {
        value = 0;
        switch (node?.GetValueKind())
        {
            case JsonValueKind.Number:
                var number = node.GetValue<double>();
                value = (long)number;
                return number == Math.Floor(number);
            case JsonValueKind.String:
                return long.TryParse(node.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            case JsonValueKind.True:
                value = 1;
                return true;
            case JsonValueKind.False:
                return true;
            default:
                return false;
        }
    }

    public static bool TryBool(JsonNode? node, out bool value)
    {
        value = false;
        switch (node?.GetValueKind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return GoBool.TryParse(node.GetValue<string>(), out value);
            case JsonValueKind.Number:
                return TryInt(node, out var number) && GoBool.TryParse(number.ToString(CultureInfo.InvariantCulture), out value);
            default:
                return false;
        }
    }

    /// <summary>A Go duration string (<c>"1h30m"</c>) or a number of seconds.</summary>
    public static bool TryDuration(JsonNode? node, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (node?.GetValueKind() == JsonValueKind.String)
        {
            return GoDuration.TryParse(node.GetValue<string>(), out value);
        }

        if (node?.GetValueKind() == JsonValueKind.Number && TryInt(node, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return false;
    }
}
