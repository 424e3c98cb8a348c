using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recommender.Core.Consultations;

/// <summary>JSON form of a consultation (the Redis log's value): camelCase, enums as strings, nulls omitted, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Consultation))]
public sealed partial class ConsultationJson : JsonSerializerContext
{
    public static byte[] Serialize(Consultation consultation) => JsonSerializer.SerializeToUtf8Bytes(consultation, Default.Consultation);

    /// <summary>Reads what <see cref="Serialize"/> wrote; throws <see cref="JsonException"/> when malformed.</summary>
    public static Consultation Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Default.Consultation) ?? throw new JsonException("Stored consultation is null.");
}
