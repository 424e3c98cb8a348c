using System.Text.Json;

namespace Recommender.Emulators.Tests;

/// <summary>Contract §4.1, §4.3: metadata read / write / patch / delete, <c>custom_metadata</c>, LIST in every form, subkeys.</summary>
public sealed class MetadataAndListTests : VaultTestBase
{
    [Fact]
    public async Task Metadata_read_has_every_key_of_the_contract()
    {
        await WriteAsync("app", """{"a":"1"}""");
        Time.Advance(TimeSpan.FromSeconds(1));
        await WriteAsync("app", """{"a":"2"}""");

        var response = await GetAsync("secret/metadata/app");
        Assert.Equal(200, response.Status);
        var data = response.Data;
        Assert.Equal(
            [
                "cas_required", "created_time", "current_version", "custom_metadata", "delete_version_after", "max_versions",
                "oldest_version", "updated_time", "versions",
            ],
            data.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("2025-03-22T02:24:06.9453192Z", Text(data, "created_time"));
        Assert.Equal("2025-03-22T02:24:07.9453192Z", Text(data, "updated_time"));
        Assert.Equal(2, Int(data, "current_version"));
        Assert.Equal("0s", Text(data, "delete_version_after"));
        Assert.Equal(0, Int(data, "max_versions"));
        Assert.Equal(JsonValueKind.Null, Kind(data, "custom_metadata"));
        Assert.Equal(
            """{"created_time":"2025-03-22T02:24:06.9453192Z","deletion_time":"","destroyed":false}""",
            data.GetProperty("versions").GetProperty("1").GetRawText());
    }

    [Fact]
    public async Task Custom_metadata_is_written_replaced_and_patched()
    {
        Assert.Equal(204, (await PostAsync("secret/metadata/app", """{"custom_metadata":{"owner":"ops","tier":"1"}}""")).Status);
        var written = await WriteAsync("app", """{"a":"1"}""");
        Assert.Equal("""{"owner":"ops","tier":"1"}""", written.GetProperty("custom_metadata").GetRawText());

        var patch = await PatchAsync("secret/metadata/app", """{"custom_metadata":{"tier":null,"team":"x"},"max_versions":4}""");
        Assert.Equal(204, patch.Status);
        var metadata = (await GetAsync("secret/metadata/app")).Data;
        Assert.Equal("""{"owner":"ops","team":"x"}""", metadata.GetProperty("custom_metadata").GetRawText());
        Assert.Equal(4, Int(metadata, "max_versions"));
        var versionMetadata = (await GetAsync("secret/data/app")).Data.GetProperty("metadata");
        Assert.Equal("""{"owner":"ops","team":"x"}""", versionMetadata.GetProperty("custom_metadata").GetRawText());

        Assert.Equal(204, (await PostAsync("secret/metadata/app", """{"custom_metadata":{"only":"this"}}""")).Status);
        Assert.Equal("""{"only":"this"}""", (await GetAsync("secret/metadata/app")).Data.GetProperty("custom_metadata").GetRawText());
        Assert.Equal(4, Int((await GetAsync("secret/metadata/app")).Data, "max_versions"));
    }

    [Fact]
    public async Task Custom_metadata_values_must_be_strings()
    {
        Assert.Equal(400, (await PostAsync("secret/metadata/app", """{"custom_metadata":{"n":1}}""")).Status);
    }

    [Fact]
    public async Task Metadata_patch_of_a_missing_key_is_404()
    {
        AssertEmptyNotFound(await PatchAsync("secret/metadata/none", """{"max_versions":2}"""));
    }

    [Fact]
    public async Task Metadata_only_key_reads_as_missing_data_but_is_listed()
    {
        Assert.Equal(204, (await PostAsync("secret/metadata/empty", """{"max_versions":3}""")).Status);
        AssertEmptyNotFound(await GetAsync("secret/data/empty"));
        Assert.Equal(0, Int((await GetAsync("secret/metadata/empty")).Data, "current_version"));
        Assert.Equal(["empty"], Keys(await SendAsync("LIST", "secret/metadata")));
    }

    [Fact]
    public async Task List_shows_keys_and_folders_relative_to_the_folder()
    {
        await WriteAsync("orgs/1/a", """{"x":"1"}""");
        await WriteAsync("orgs/1/b", """{"x":"1"}""");
        await WriteAsync("orgs/1/sub/c", """{"x":"1"}""");
        await WriteAsync("orgs/1", """{"x":"1"}""");
        await WriteAsync("orgs/2/d", """{"x":"1"}""");

        Assert.Equal(["a", "b", "sub/"], Keys(await SendAsync("LIST", "secret/metadata/orgs/1")));
        Assert.Equal(["a", "b", "sub/"], Keys(await SendAsync("LIST", "secret/metadata/orgs/1/")));
        Assert.Equal(["1", "1/", "2/"], Keys(await SendAsync("LIST", "secret/metadata/orgs")));
        Assert.Equal(["orgs/"], Keys(await SendAsync("LIST", "secret/metadata/")));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData("t")]
    [InlineData("T")]
    [InlineData("1")]
    public async Task Get_with_a_Go_true_list_value_lists(string value)
    {
        await WriteAsync("orgs/1/a", """{"x":"1"}""");
        Assert.Equal(["a"], Keys(await GetAsync($"secret/metadata/orgs/1?list={value}")));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("F")]
    public async Task Get_with_a_Go_false_list_value_reads(string value)
    {
        await WriteAsync("orgs/1/a", """{"x":"1"}""");
        var response = await GetAsync($"secret/metadata/orgs/1/a?list={value}");
        Assert.Equal(1, Int(response.Data, "current_version"));
    }

    [Fact]
    public async Task Empty_folder_lists_as_404_with_empty_errors()
    {
        AssertEmptyNotFound(await SendAsync("LIST", "secret/metadata/orgs/none"));
        AssertEmptyNotFound(await GetAsync("secret/metadata/?list=true"));
    }

    [Fact]
    public async Task Deleted_metadata_disappears_from_the_list()
    {
        await WriteAsync("orgs/1/a", """{"x":"1"}""");
        await WriteAsync("orgs/1/b", """{"x":"1"}""");
        await SendAsync("DELETE", "secret/metadata/orgs/1/a");
        Assert.Equal(["b"], Keys(await SendAsync("LIST", "secret/metadata/orgs/1")));
    }

    [Fact]
    public async Task Subkeys_show_the_shape_with_null_leaves_and_honour_depth()
    {
        await WriteAsync("app", """{"a":"1","b":{"c":"2","d":{"e":"3"}},"f":[1]}""");
        var all = await GetAsync("secret/subkeys/app");
        Assert.Equal(200, all.Status);
        Assert.Equal("""{"a":null,"b":{"c":null,"d":{"e":null}},"f":null}""", all.Data.GetProperty("subkeys").GetRawText());
        Assert.Equal(1, Int(all.Data.GetProperty("metadata"), "version"));
        var shallow = await GetAsync("secret/subkeys/app?depth=1");
        Assert.Equal("""{"a":null,"b":null,"f":null}""", shallow.Data.GetProperty("subkeys").GetRawText());
        AssertEmptyNotFound(await GetAsync("secret/subkeys/none"));
    }

    private static string[] Keys(VaultResponse response)
    {
        Assert.Equal(200, response.Status);
        return [.. response.Data.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!)];
    }
}
