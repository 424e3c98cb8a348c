using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Recommender.Core.Errors;

namespace Recommender.Core.Snapshots;

/// <summary>
/// The structural rules of the snapshot format, taken from the serializer's own metadata so they cannot drift from
/// it: every property that is not nullable in the model is required. The JSON Schema test compares against
/// <see cref="RequiredProperties"/> and <see cref="WrittenProperties"/>.
/// </summary>
public static class CatalogShape
{
    /// <summary>The names the serializer writes for <paramref name="type"/> (a record of the catalog model).</summary>
    public static IReadOnlyList<string> WrittenProperties(Type type) =>
        [.. Written(type).Select(p => p.Name)];

    /// <summary>The names a snapshot must carry (non-null) for <paramref name="type"/>.</summary>
    public static IReadOnlyList<string> RequiredProperties(Type type) =>
        [.. Written(type).Where(IsRequired).Select(p => p.Name)];

    /// <summary>Every record type reachable from <see cref="CatalogDocument"/>.</summary>
    public static IReadOnlyList<Type> RecordTypes()
    {
        var found = new List<Type>();
        Collect(typeof(CatalogDocument), found);
        return found;
    }

    /// <summary>Throws <see cref="CatalogFormatException"/> at the first missing required property or duplicate type name.</summary>
    public static void Check(JsonElement document)
    {
        CheckValue(document, typeof(CatalogDocument), "$");
        CheckUniqueTypeNames(document);
    }

    // [JsonIgnore] members stay in the metadata without a getter.
    private static IEnumerable<JsonPropertyInfo> Written(Type type) => InfoOf(type).Properties.Where(p => p.Get is not null);

    private static bool IsRequired(JsonPropertyInfo property) => !property.IsGetNullable;

    private static JsonTypeInfo InfoOf(Type type) =>
        CatalogJson.Default.GetTypeInfo(type) ?? throw new ArgumentException($"{type} is not part of the catalog format.", nameof(type));

    private static void Collect(Type type, List<Type> found)
    {
        var info = InfoOf(type);
        if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } element)
        {
            Collect(element, found);
        }
        else if (info.Kind == JsonTypeInfoKind.Object && !found.Contains(type))
        {
            found.Add(type);
            foreach (var property in Written(type))
            {
                Collect(property.PropertyType, found);
            }
        }
    }

    private static void CheckValue(JsonElement value, Type type, string path)
    {
        var info = InfoOf(type);
        if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } element && value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                CheckValue(item, element, $"{path}[{i++}]");
            }
        }
        else if (info.Kind == JsonTypeInfoKind.Object && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in Written(type))
            {
                var present = value.TryGetProperty(property.Name, out var child) && child.ValueKind != JsonValueKind.Null;
                if (!present && IsRequired(property))
                {
                    throw new CatalogFormatException($"{path}.{property.Name}", "required property is missing or null.");
                }

                if (present)
                {
                    CheckValue(child, property.PropertyType, $"{path}.{property.Name}");
                }
            }
        }

        // Wrong kinds of values (a string for a price) are reported by the deserializer, with their path.
    }

    private static void CheckUniqueTypeNames(JsonElement document)
    {
        var r = 0;
        foreach (var region in ArrayAt(document, "regions"))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var t = 0;
            foreach (var offering in ArrayAt(region, "instanceTypes"))
            {
                if (offering.ValueKind == JsonValueKind.Object
                    && offering.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Object
                    && type.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                    && !seen.Add(name.GetString()!))
                {
                    throw new CatalogFormatException(
                        $"$.regions[{r}].instanceTypes[{t}].type.name", $"duplicate instance type '{name.GetString()}' in this region.");
                }

                t++;
            }

            r++;
        }
    }

    private static IEnumerable<JsonElement> ArrayAt(JsonElement parent, string property) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];
}
