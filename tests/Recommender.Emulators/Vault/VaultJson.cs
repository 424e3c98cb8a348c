using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>The response envelope of every 200 (contract §2) and the <c>{"errors":[…]}</c> shape (§3).</summary>
internal static class VaultJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>All keys of §2 in Vault's order, with a fresh request_id.</summary>
    public static JsonObject Envelope(JsonNode? data, string mountType, IReadOnlyList<string>? warnings = null, JsonObject? auth = null) => new()
    {
        ["request_id"] = Guid.NewGuid().ToString("D"),
        ["lease_id"] = string.Empty,
        ["renewable"] = false,
        ["lease_duration"] = 0,
        ["data"] = data,
        ["wrap_info"] = null,
        ["warnings"] = warnings is { Count: > 0 } ? Strings(warnings) : null,
        ["auth"] = auth,
        ["mount_type"] = mountType,
    };

    public static JsonObject Errors(IEnumerable<string> errors) => new() { ["errors"] = Strings(errors) };

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    public static JsonObject? StringMap(IReadOnlyDictionary<string, string>? map) =>
        map is null ? null : new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
