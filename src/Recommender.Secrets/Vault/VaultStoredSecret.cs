using System.Text.Json.Nodes;

namespace Recommender.Secrets.Vault;

/// <summary>
/// A secret as its KV v2 data holds it, Pipeline's layout (contract §10):
/// <c>{"value": {"name", "type", "values": {FIELD: string}, "tags": [sorted], "updatedBy"}}</c>, type in lower case
/// (<c>alibaba</c>). The only class that reads or writes values in Vault.
/// </summary>
internal sealed record VaultStoredSecret(string Name, SecretType Type, SecretValues Values, IReadOnlyList<string> Tags, string UpdatedBy)
{
    public static VaultStoredSecret From(SecretDraft draft, string actor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new VaultStoredSecret(draft.Name, draft.Type, draft.Values, SecretSchema.NormaliseTags(draft.Tags), actor);
    }

    public JsonObject ToData()
    {
        var values = new JsonObject();
        foreach (var (field, value) in Values.Reveal().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            values[field] = value;
        }

        return new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["name"] = Name,
                ["type"] = TypeName(Type),
                ["values"] = values,
                ["tags"] = new JsonArray([.. Tags.Select(t => (JsonNode?)JsonValue.Create(t))]),
                ["updatedBy"] = UpdatedBy,
            },
        };
    }

    /// <summary>The secret in a KV data object; null when it is not this layout (written by something else).</summary>
    public static VaultStoredSecret? FromData(JsonObject? data)
    {
        var value = VaultJson.Object(data, "value");
        var name = VaultJson.String(value, "name");
        var type = ParseType(VaultJson.String(value, "type"));
        if (name is null || type is null || VaultJson.Object(value, "values") is not { } values)
        {
            return null;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (field, node) in values)
        {
            if (node is not JsonValue v || !v.TryGetValue<string>(out var text))
            {
                return null;
            }

            pairs.Add(new(field, text));
        }

        return new VaultStoredSecret(name, type.Value, new SecretValues(pairs), SecretSchema.NormaliseTags(VaultJson.Strings(value, "tags")),
            VaultJson.String(value, "updatedBy") ?? "");
    }

    /// <summary>True when both hold the same name, type, values, tags and author (whatever the JSON key order).</summary>
    public bool SameAs(VaultStoredSecret other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = Values.Reveal();
        var theirs = other.Values.Reveal();
        return string.Equals(Name, other.Name, StringComparison.Ordinal)
            && Type == other.Type
            && string.Equals(UpdatedBy, other.UpdatedBy, StringComparison.Ordinal)
            && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
            && mine.Count == theirs.Count
            && mine.All(p => theirs.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));
    }

    public static string TypeName(SecretType type) => type.ToString().ToLowerInvariant();

    public static SecretType? ParseType(string? name) =>
        name is { Length: > 0 } && name.All(char.IsAsciiLetter) && Enum.TryParse<SecretType>(name, ignoreCase: true, out var type) ? type : null;
}
