using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// Strict readers of CS JSON bodies, as the SDK models are strict: a missing required field is 400
/// <c>MissingParameter</c>, a field of the wrong JSON type or out of range 400 <c>InvalidParameter</c>. Field names in
/// messages are full paths (<c>scaling_group.desired_size</c>).
/// </summary>
internal static class CsBody
{
    public static JsonObject Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            throw CsErrors.Missing("body");
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw CsErrors.Invalid("body", "a JSON object is expected.");
        }
        catch (JsonException)
        {
            throw CsErrors.Invalid("body", "it is not JSON.");
        }
    }

    public static string RequireString(JsonObject o, string name, string prefix = "") =>
        OptionalString(o, name, prefix) is { Length: > 0 } value ? value : throw CsErrors.Missing(prefix + name);

    public static string? OptionalString(JsonObject o, string name, string prefix = "") => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw CsErrors.Invalid(prefix + name, "a string is expected."),
    };

    public static string? OptionalOneOf(JsonObject o, string name, string prefix, params string[] allowed)
    {
        var value = OptionalString(o, name, prefix);
        return value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw CsErrors.Invalid(prefix + name, $"'{value}' is not one of {string.Join(", ", allowed)}.");
    }

    public static int? OptionalInt(JsonObject o, string name, string prefix, int min, int max)
    {
        if (o[name] is null)
        {
            return null;
        }

        if (o[name] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<int>(out var value))
        {
            throw CsErrors.Invalid(prefix + name, "an integer is expected.");
        }

        return value >= min && value <= max ? value : throw CsErrors.Invalid(prefix + name, $"{value} is outside {min}..{max}.");
    }

    public static bool? OptionalBool(JsonObject o, string name, string prefix = "") => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw CsErrors.Invalid(prefix + name, "true or false is expected."),
    };

    /// <summary>A non-empty array of non-empty strings.</summary>
    public static IReadOnlyList<string> RequireStrings(JsonObject o, string name, string prefix = "") =>
        OptionalStrings(o, name, prefix) is { Count: > 0 } values ? values : throw CsErrors.Missing(prefix + name);

    public static IReadOnlyList<string>? OptionalStrings(JsonObject o, string name, string prefix = "")
    {
        if (o[name] is null)
        {
            return null;
        }

        if (o[name] is not JsonArray array)
        {
            throw CsErrors.Invalid(prefix + name, "an array of strings is expected.");
        }

        return [.. array.Select(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0
            ? v.GetValue<string>()
            : throw CsErrors.Invalid(prefix + name, "an array of non-empty strings is expected."))];
    }

    public static JsonObject? OptionalObject(JsonObject o, string name, string prefix = "") => o[name] switch
    {
        null => null,
        JsonObject child => child,
        _ => throw CsErrors.Invalid(prefix + name, "an object is expected."),
    };

    /// <summary>An array whose items are all objects (may be empty).</summary>
    public static IReadOnlyList<JsonObject> OptionalObjects(JsonObject o, string name, string prefix = "") => o[name] switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => item as JsonObject ?? throw CsErrors.Invalid(prefix + name, "an array of objects is expected."))],
        _ => throw CsErrors.Invalid(prefix + name, "an array is expected."),
    };
}
