using System.Text.Json;

namespace Recommender.Emulators.Tests;

/// <summary>Contract §4.7: soft delete (latest or listed versions), undelete, destroy, and the 404 that keeps the envelope.</summary>
public sealed class DeleteUndeleteDestroyTests : VaultTestBase
{
    [Fact]
    public async Task Delete_soft_deletes_the_latest_version_and_reads_answer_404_with_the_full_envelope()
    {
        await WriteAsync("app", """{"a":"1"}""");
        await WriteAsync("app", """{"a":"2"}""");
        Time.Advance(TimeSpan.FromSeconds(5));

        var deleted = await SendAsync("DELETE", "secret/data/app");
        Assert.Equal(204, deleted.Status);
        Assert.Equal(string.Empty, deleted.Text);

        var read = await GetAsync("secret/data/app");
        Assert.Equal(404, read.Status);
        Assert.Equal("application/json", read.ContentType);
        Assert.True(Guid.TryParse(Text(read.Json, "request_id"), out _));
        Assert.Equal(JsonValueKind.Null, read.Data.GetProperty("data").ValueKind);
        var metadata = read.Data.GetProperty("metadata");
        Assert.Equal("2025-03-22T02:24:11.9453192Z", Text(metadata, "deletion_time"));
        Assert.False(metadata.GetProperty("destroyed").GetBoolean());
        Assert.Equal(2, Int(metadata, "version"));
        Assert.Equal(200, (await GetAsync("secret/data/app?version=1")).Status);
    }

    [Fact]
    public async Task Delete_of_an_already_deleted_or_unknown_key_is_still_204()
    {
        await WriteAsync("app", """{"a":"1"}""");
        Assert.Equal(204, (await SendAsync("DELETE", "secret/data/app")).Status);
        var firstDeletion = Text((await GetAsync("secret/data/app")).Data.GetProperty("metadata"), "deletion_time");
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(204, (await SendAsync("DELETE", "secret/data/app")).Status);
        Assert.Equal(firstDeletion, Text((await GetAsync("secret/data/app")).Data.GetProperty("metadata"), "deletion_time"));
        Assert.Equal(204, (await SendAsync("DELETE", "secret/data/never")).Status);
    }

    [Fact]
    public async Task Delete_versions_soft_deletes_only_the_listed_ones()
    {
        for (var i = 1; i <= 3; i++)
        {
            await WriteAsync("app", $$"""{"i":"{{i}}"}""");
        }

        Assert.Equal(204, (await PostAsync("secret/delete/app", """{"versions":[1,2]}""")).Status);
        Assert.Equal(404, (await GetAsync("secret/data/app?version=1")).Status);
        Assert.Equal(404, (await GetAsync("secret/data/app?version=2")).Status);
        Assert.Equal(200, (await GetAsync("secret/data/app")).Status);
        var versions = (await GetAsync("secret/metadata/app")).Data.GetProperty("versions");
        Assert.NotEqual(string.Empty, Text(versions.GetProperty("1"), "deletion_time"));
        Assert.Equal(string.Empty, Text(versions.GetProperty("3"), "deletion_time"));
    }

    [Fact]
    public async Task Undelete_restores_the_data()
    {
        await WriteAsync("app", """{"a":"1"}""");
        await SendAsync("DELETE", "secret/data/app");
        Assert.Equal(204, (await PostAsync("secret/undelete/app", """{"versions":[1]}""")).Status);

        var read = await GetAsync("secret/data/app");
        Assert.Equal(200, read.Status);
        Assert.Equal("""{"a":"1"}""", read.Data.GetProperty("data").GetRawText());
        Assert.Equal(string.Empty, Text(read.Data.GetProperty("metadata"), "deletion_time"));
    }

    [Fact]
    public async Task Destroy_removes_the_data_for_good_and_keeps_the_metadata()
    {
        await WriteAsync("app", """{"a":"1"}""");
        await WriteAsync("app", """{"a":"2"}""");
        Assert.Equal(204, (await PostAsync("secret/destroy/app", """{"versions":[2]}""")).Status);

        var read = await GetAsync("secret/data/app");
        Assert.Equal(404, read.Status);
        Assert.Equal(JsonValueKind.Null, read.Data.GetProperty("data").ValueKind);
        Assert.True(read.Data.GetProperty("metadata").GetProperty("destroyed").GetBoolean());
        Assert.Equal(string.Empty, Text(read.Data.GetProperty("metadata"), "deletion_time"));

        Assert.Equal(204, (await PostAsync("secret/undelete/app", """{"versions":[2]}""")).Status);
        Assert.Equal(404, (await GetAsync("secret/data/app")).Status);
        Assert.True((await GetAsync("secret/metadata/app")).Data.GetProperty("versions").GetProperty("2").GetProperty("destroyed").GetBoolean());
        Assert.Equal(200, (await GetAsync("secret/data/app?version=1")).Status);
    }

    [Fact]
    public async Task A_write_after_deleting_the_latest_version_is_the_next_number()
    {
        await WriteAsync("app", """{"a":"1"}""");
        await SendAsync("DELETE", "secret/data/app");
        var written = await WriteAsync("app", """{"a":"2"}""");
        Assert.Equal(2, Int(written, "version"));
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("undelete")]
    [InlineData("destroy")]
    public async Task Version_endpoints_need_versions(string action)
    {
        await WriteAsync("app", """{"a":"1"}""");
        AssertError(await PostAsync($"secret/{action}/app", """{}"""), 400, "no version number provided");
        AssertError(await PostAsync($"secret/{action}/app", """{"versions":[]}"""), 400, "no version number provided");
    }

    [Fact]
    public async Task Deleting_the_metadata_removes_every_version_and_restarts_at_1()
    {
        await WriteAsync("app", """{"a":"1"}""");
        await WriteAsync("app", """{"a":"2"}""");
        Assert.Equal(204, (await SendAsync("DELETE", "secret/metadata/app")).Status);

        AssertEmptyNotFound(await GetAsync("secret/data/app"));
        AssertEmptyNotFound(await GetAsync("secret/data/app?version=1"));
        AssertEmptyNotFound(await GetAsync("secret/metadata/app"));
        Assert.Equal(1, Int(await WriteAsync("app", """{"a":"3"}"""), "version"));
    }
}
