using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recommender.Core.Recommendations;

/// <summary>
/// JSON form of a stored recommendation (the Redis store's value), with the same conventions as the catalog's
/// CatalogJson: camelCase, enums as strings, nulls omitted, source-generated.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(StoredRecommendation))]
public sealed partial class RecommendationJson : JsonSerializerContext
{
    public static byte[] Serialize(StoredRecommendation recommendation) =>
        JsonSerializer.SerializeToUtf8Bytes(recommendation, Default.StoredRecommendation);

    /// <summary>Reads what <see cref="Serialize"/> wrote; throws <see cref="JsonException"/> when malformed.</summary>
    public static StoredRecommendation Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Default.StoredRecommendation) ?? throw new JsonException("Stored recommendation is null.");
}
