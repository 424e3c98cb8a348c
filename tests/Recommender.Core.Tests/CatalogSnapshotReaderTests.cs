using System.Text;
using Recommender.Core.Errors;
using Recommender.Core.Snapshots;

namespace Recommender.Core.Tests;

public sealed class CatalogSnapshotReaderTests
{
    [Fact]
    public void Reads_a_valid_document()
    {
        var document = CatalogSnapshotReader.Read(CatalogDocuments.Utf8(CatalogDocuments.Valid()));

        Assert.Equal(CatalogDocument.CurrentFormat, document.Format);
        Assert.Equal([3, 20], document.Regions.Select(r => r.InstanceTypes.Count));
    }

    [Theory]
    [InlineData("format", "\"recommender-catalog/v2\"", "$.format")]
    [InlineData("regions[1].instanceTypes[17].onDemandPrice", "-0.5", "$.regions[1].instanceTypes[17].onDemandPrice")]
    [InlineData("regions[1].instanceTypes[17].onDemandPrice", "0", "$.regions[1].instanceTypes[17].onDemandPrice")]
    [InlineData("regions[1].instanceTypes[17].onDemandPrice", "\"cheap\"", "$.regions[1].instanceTypes[17].onDemandPrice")]
    [InlineData("regions[0].instanceTypes[1].type.vcpu", "0", "$.regions[0].instanceTypes[1].type.vcpu")]
    [InlineData("regions[0].instanceTypes[1].type.memoryGiB", "0", "$.regions[0].instanceTypes[1].type.memoryGiB")]
    [InlineData("regions[0].instanceTypes[1].type.gpuCount", "-1", "$.regions[0].instanceTypes[1].type.gpuCount")]
    [InlineData("regions[0].instanceTypes[1].type.gpuCount", "2", "$.regions[0].instanceTypes[1].type.gpuModel")]
    [InlineData("regions[0].instanceTypes[1].type.gpuModel", "\"NVIDIA A10\"", "$.regions[0].instanceTypes[1].type.gpuModel")]
    [InlineData("regions[0].instanceTypes[1].type.name", "\"\"", "$.regions[0].instanceTypes[1].type.name")]
    [InlineData("regions[0].instanceTypes[1].type.name", null, "$.regions[0].instanceTypes[1].type.name")]
    [InlineData("regions[0].instanceTypes[2].type.name", "\"ecs.t0.s0\"", "$.regions[0].instanceTypes[2].type.name")]
    [InlineData("regions[0].instanceTypes[2].availability[1].zone", "\"cn-hangzhou-z\"", "$.regions[0].instanceTypes[2].availability[1].zone")]
    [InlineData("regions[0].instanceTypes[2].spotPrices[0].zone", "\"cn-beijing-a\"", "$.regions[0].instanceTypes[2].spotPrices[0].zone")]
    [InlineData("regions[0].instanceTypes[2].spotPrices[0].price", "0", "$.regions[0].instanceTypes[2].spotPrices[0].price")]
    [InlineData("regions[0].instanceTypes", null, "$.regions[0].instanceTypes")]
    [InlineData("regions[0].currency", "\"usd\"", "$.regions[0].currency")]
    [InlineData("regions[0].currency", "\"US\"", "$.regions[0].currency")]
    [InlineData("regions[0].source", "\"Guessed\"", "$.regions[0].source")]
    [InlineData("regions[0].provider", "\"aws\"", "$.regions[0].provider")]
    [InlineData("regions[0].region.id", "\"\"", "$.regions[0].region.id")]
    [InlineData("regions[1].region.id", "\"cn-hangzhou\"", "$.regions[1].region.id")]
    [InlineData("regions[0].region.zones[1].id", "\"cn-hangzhou-a\"", "$.regions[0].region.zones[1].id")]
    [InlineData("providers[0].id", "\"\"", "$.providers[0].id")]
    [InlineData("regions", null, "$.regions")]
    [InlineData("regions[1].version", "\"7\"", "$.regions[1].version")]
    public void Refuses_a_malformed_document_naming_the_place(string path, string? json, string expectedPath)
    {
        var bytes = CatalogDocuments.With(path, json);

        var error = Assert.Throws<CatalogFormatException>(() => CatalogSnapshotReader.Read(bytes));

        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.InvalidCatalog, error.Code);
    }

    [Fact]
    public void A_syntax_error_names_path_and_line()
    {
        var lines = CatalogDocuments.Text(CatalogDocuments.Valid()).Split('\n');
        var edited = Array.FindIndex(lines, l => l.Contains("\"ecs.t0.s1\"", StringComparison.Ordinal));
        lines[edited] = lines[edited].TrimEnd(',');
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));

        var error = Assert.Throws<CatalogFormatException>(() => CatalogSnapshotReader.Read(bytes));

        Assert.StartsWith("$.regions[0].instanceTypes[1].type", error.Path, StringComparison.Ordinal);
        Assert.Contains($"line {edited + 2}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regions[1].instanceTypes[17].onDemandPrice", "\"cheap\"", "found \"cheap\"")]
    [InlineData("regions[0].source", "\"Guessed\"", "found \"Guessed\"")]
    [InlineData("regions[1].region.zones", "{}", "found {}")]
    public void A_value_of_the_wrong_kind_is_shown(string path, string json, string expected)
    {
        var error = Assert.Throws<CatalogFormatException>(() => CatalogSnapshotReader.Read(CatalogDocuments.With(path, json)));

        Assert.Equal("$." + path, error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_json_at_all_is_a_format_error_at_the_root()
    {
        var error = Assert.Throws<CatalogFormatException>(() => CatalogSnapshotReader.Read("<catalog/>"u8.ToArray()));

        Assert.Equal("$", error.Path);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_from_a_stream()
    {
        using var stream = new MemoryStream(CatalogDocuments.Utf8(CatalogDocuments.Valid()));

        var document = await CatalogSnapshotReader.ReadAsync(stream, CancellationToken.None);

        Assert.Equal(2, document.Regions.Count);
    }
}
