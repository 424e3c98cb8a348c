using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recommender.Provisioning.Inputs;

/// <summary>How operation inputs and step outputs are written: camelCase, enums by name, nulls left out.</summary>
internal static class ProvisioningJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The document is not a {typeof(T).Name}.");
}
