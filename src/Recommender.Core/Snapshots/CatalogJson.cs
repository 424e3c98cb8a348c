using System.Text.Json;
using System.Text.Json.Serialization;
using Recommender.Core.Catalog;

namespace Recommender.Core.Snapshots;

/// <summary>
/// The one JSON form of catalog data: snapshot files and the Redis store both use it, so an exported file and a
/// stored region are byte-for-byte the same shape. Source-generated for speed (Redis reads a region per sync).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Skip,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CatalogDocument))]
[JsonSerializable(typeof(RegionCatalog))]
public sealed partial class CatalogJson : JsonSerializerContext
{
    public static byte[] SerializeRegion(RegionCatalog region) =>
        JsonSerializer.SerializeToUtf8Bytes(region, Default.RegionCatalog);

    /// <summary>Reads a region written by <see cref="SerializeRegion"/>; throws <see cref="JsonException"/> when malformed.</summary>
    public static RegionCatalog DeserializeRegion(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Default.RegionCatalog) ?? throw new JsonException("Region catalog is null.");
}
