using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recommender.Provisioning.Operations;

/// <summary>How stores keep an operation's steps: one JSON array per operation, enums by name, times in ISO 8601.</summary>
internal static class OperationStepsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IReadOnlyList<OperationStep> steps) => JsonSerializer.Serialize(steps, Options);

    public static IReadOnlyList<OperationStep> Deserialize(string json) =>
        JsonSerializer.Deserialize<OperationStep[]>(json, Options) ?? [];
}
