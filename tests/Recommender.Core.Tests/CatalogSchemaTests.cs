using System.Text.Json;
using System.Text.Json.Nodes;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;
using Recommender.Testing.Stores;

namespace Recommender.Core.Tests;

/// <summary>
/// No JSON Schema library is available, so these tests keep schema/catalog.schema.json in step with the serializer
/// and the reader: same properties, same required lists, same enum names, for every record of the format.
/// </summary>
public sealed class CatalogSchemaTests
{
    private static readonly JsonObject Schema = LoadSchema();

    public static TheoryData<string> RecordTypes() => [.. CatalogShape.RecordTypes().Select(t => t.Name)];

    [Fact]
    public void Schema_defines_every_record_of_the_format_and_nothing_else()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)Schema["$schema"]);
        Assert.Equal("#/$defs/CatalogDocument", (string?)Schema["$ref"]);
        Assert.Equal(
            CatalogShape.RecordTypes().Select(t => t.Name).Order(StringComparer.Ordinal),
            Definitions().Select(d => d.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Schema_properties_are_the_serialized_properties(string record)
    {
        var type = TypeNamed(record);

        Assert.Equal(
            CatalogShape.WrittenProperties(type).Order(StringComparer.Ordinal),
            PropertiesOf(record).Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Schema_required_list_is_what_the_reader_requires(string record)
    {
        var required = Definition(record)["required"]!.AsArray().Select(n => (string)n!);

        Assert.Equal(
            CatalogShape.RequiredProperties(TypeNamed(record)).Order(StringComparer.Ordinal),
            required.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Every_schema_property_is_described(string record)
    {
        Assert.False(string.IsNullOrWhiteSpace((string?)Definition(record)["description"]), record);
        Assert.All(PropertiesOf(record), p => Assert.False(string.IsNullOrWhiteSpace((string?)p.Value!["description"]), p.Key));
    }

    [Fact]
    public void Schema_enums_list_the_names_the_serializer_writes()
    {
        Assert.Equal(Enum.GetNames<InstanceCategory>(), EnumOf("InstanceType", "category"));
        Assert.Equal(Enum.GetNames<CpuArchitecture>(), EnumOf("InstanceType", "architecture"));
        Assert.Equal(Enum.GetNames<StockStatus>(), EnumOf("ZoneAvailability", "status"));
        Assert.Equal(Enum.GetNames<CatalogSource>(), EnumOf("RegionCatalog", "source"));
        Assert.Equal(CatalogDocument.CurrentFormat, (string?)PropertiesOf("CatalogDocument").Single(p => p.Key == "format").Value!["const"]);
    }

    [Fact]
    public void A_fully_populated_export_uses_only_schema_properties()
    {
        var region = new RegionCatalog(TestCatalogs.Provider, new Region("cn-shanghai", "Shanghai", [new Zone("cn-shanghai-a", "A")]),
            "CNY", CatalogSource.Live, TestCatalogs.Epoch, 2, [TestCatalogs.FullyPopulatedOffering("cn-shanghai-a")]);
        var written = JsonNode.Parse(CatalogDocuments.Utf8(TestCatalogs.Document(region)))!;

        AssertMatches(written, "CatalogDocument", "$");
    }

    // Walks a written document alongside the schema: every object's keys must be declared by its definition.
    private static void AssertMatches(JsonNode node, string record, string path)
    {
        var properties = PropertiesOf(record).ToDictionary(p => p.Key, p => p.Value!);
        foreach (var (name, value) in node.AsObject())
        {
            Assert.True(properties.TryGetValue(name, out var declared), $"{path}.{name} is written but not in $defs.{record}");
            var reference = (string?)(declared["$ref"] ?? declared["items"]?["$ref"]);
            if (reference is null || value is null)
            {
                continue;
            }

            var target = reference["#/$defs/".Length..];
            if (value is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    AssertMatches(array[i]!, target, $"{path}.{name}[{i}]");
                }
            }
            else
            {
                AssertMatches(value, target, $"{path}.{name}");
            }
        }
    }

    private static Type TypeNamed(string record) => CatalogShape.RecordTypes().Single(t => t.Name == record);

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Definitions() => Schema["$defs"]!.AsObject();

    private static JsonObject Definition(string record) => Schema["$defs"]![record]!.AsObject();

    private static IEnumerable<KeyValuePair<string, JsonNode?>> PropertiesOf(string record) => Definition(record)["properties"]!.AsObject();

    private static string[] EnumOf(string record, string property) =>
        [.. PropertiesOf(record).Single(p => p.Key == property).Value!["enum"]!.AsArray().Select(n => (string)n!)];

    private static JsonObject LoadSchema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "schema", "catalog.schema.json");
            if (File.Exists(file))
            {
                return JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!
                    .AsObject();
            }
        }

        throw new FileNotFoundException("schema/catalog.schema.json not found above the test output directory.");
    }
}
