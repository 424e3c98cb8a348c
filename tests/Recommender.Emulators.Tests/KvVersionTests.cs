using System.Text.Json;

namespace Recommender.Emulators.Tests;

/// <summary>Contract §4.2, §4.4, §4.7: versions, <c>?version=N</c>, the version metadata, retention and <c>delete_version_after</c>.</summary>
public sealed class KvVersionTests : VaultTestBase
{
    private static readonly string[] EnvelopeKeys =
        ["request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info", "warnings", "auth", "mount_type"];

    [Fact]
    public async Task Write_answers_200_with_the_full_envelope_and_version_metadata()
    {
        var response = await PostAsync("secret/data/app", """{"data":{"user":"u1"}}""");

        Assert.Equal(200, response.Status);
        Assert.Equal(EnvelopeKeys, response.Json.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParse(Text(response.Json, "request_id"), out _));
        Assert.Equal(string.Empty, Text(response.Json, "lease_id"));
        Assert.False(response.Json.GetProperty("renewable").GetBoolean());
        Assert.Equal(0, Int(response.Json, "lease_duration"));
        Assert.Equal(JsonValueKind.Null, Kind(response.Json, "wrap_info"));
        Assert.Equal(JsonValueKind.Null, Kind(response.Json, "warnings"));
        Assert.Equal(JsonValueKind.Null, Kind(response.Json, "auth"));
        Assert.Equal("kv", Text(response.Json, "mount_type"));
        Assert.Equal(
            """{"created_time":"2025-03-22T02:24:06.9453192Z","custom_metadata":null,"deletion_time":"","destroyed":false,"version":1}""",
            response.Data.GetRawText());
    }

    [Fact]
    public async Task Every_answer_has_a_fresh_request_id()
    {
        await WriteAsync("app", """{"a":"1"}""");
        var first = await GetAsync("secret/data/app");
        var second = await GetAsync("secret/data/app");
        Assert.NotEqual(Text(first.Json, "request_id"), Text(second.Json, "request_id"));
    }

    [Fact]
    public async Task Each_write_is_the_next_version_and_old_versions_stay_readable()
    {
        await WriteAsync("app", """{"v":"one"}""");
        Time.Advance(TimeSpan.FromSeconds(2));
        var second = await WriteAsync("app", """{"v":"two","n":42,"nested":{"deep":[1,2]}}""");
        Assert.Equal(2, Int(second, "version"));

        var latest = await GetAsync("secret/data/app");
        Assert.Equal(200, latest.Status);
        Assert.Equal("""{"v":"two","n":42,"nested":{"deep":[1,2]}}""", latest.Data.GetProperty("data").GetRawText());
        Assert.Equal(2, Int(latest.Data.GetProperty("metadata"), "version"));
        Assert.Equal("2025-03-22T02:24:08.9453192Z", Text(latest.Data.GetProperty("metadata"), "created_time"));

        var first = await GetAsync("secret/data/app?version=1");
        Assert.Equal("""{"v":"one"}""", first.Data.GetProperty("data").GetRawText());
        Assert.Equal(1, Int(first.Data.GetProperty("metadata"), "version"));
    }

    [Fact]
    public async Task Whole_second_times_print_without_a_fraction_like_Go()
    {
        Time.SetUtcNow(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var written = await WriteAsync("app", """{"a":"1"}""");
        Assert.Equal("2026-01-02T03:04:05Z", Text(written, "created_time"));
    }

    [Fact]
    public async Task Concurrent_writes_get_distinct_consecutive_versions()
    {
        var writes = Enumerable.Range(1, 20).Select(i => PostAsync("secret/data/busy", $$$"""{"data":{"i":"{{{i}}}"}}"""));
        var answers = await Task.WhenAll(writes);

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(Enumerable.Range(1, 20), answers.Select(a => Int(a.Data, "version")).Order());
        Assert.Equal(20, Int((await GetAsync("secret/metadata/busy")).Data, "current_version"));
    }

    [Fact]
    public async Task Unknown_key_and_unknown_version_are_404_with_empty_errors()
    {
        AssertEmptyNotFound(await GetAsync("secret/data/nothing"));
        await WriteAsync("app", """{"a":"1"}""");
        AssertEmptyNotFound(await GetAsync("secret/data/app?version=7"));
    }

    [Fact]
    public async Task Eleventh_write_trims_the_oldest_version_by_default()
    {
        for (var i = 1; i <= 12; i++)
        {
            await WriteAsync("app", $$"""{"i":"{{i}}"}""");
        }

        AssertEmptyNotFound(await GetAsync("secret/data/app?version=2"));
        Assert.Equal(200, (await GetAsync("secret/data/app?version=3")).Status);
        var metadata = (await GetAsync("secret/metadata/app")).Data;
        Assert.Equal(3, Int(metadata, "oldest_version"));
        Assert.Equal(12, Int(metadata, "current_version"));
        Assert.Equal(10, metadata.GetProperty("versions").EnumerateObject().Count());
    }

    [Fact]
    public async Task Oldest_version_is_0_until_something_is_trimmed()
    {
        await WriteAsync("app", """{"a":"1"}""");
        Assert.Equal(0, Int((await GetAsync("secret/metadata/app")).Data, "oldest_version"));
    }

    [Fact]
    public async Task Key_max_versions_overrides_the_engine()
    {
        Vault.ConfigureKv("secret", maxVersions: 5);
        Assert.Equal(204, (await PostAsync("secret/metadata/app", """{"max_versions":2}""")).Status);
        for (var i = 1; i <= 4; i++)
        {
            await WriteAsync("app", $$"""{"i":"{{i}}"}""");
        }

        var metadata = (await GetAsync("secret/metadata/app")).Data;
        Assert.Equal(["3", "4"], metadata.GetProperty("versions").EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, Int(metadata, "oldest_version"));
    }

    [Fact]
    public async Task Engine_max_versions_applies_when_the_key_sets_none()
    {
        Assert.Equal(204, (await PostAsync("secret/config", """{"max_versions":3}""")).Status);
        for (var i = 1; i <= 5; i++)
        {
            await WriteAsync("app", $$"""{"i":"{{i}}"}""");
        }

        AssertEmptyNotFound(await GetAsync("secret/data/app?version=2"));
        Assert.Equal(3, Int((await GetAsync("secret/metadata/app")).Data, "oldest_version"));
        var config = await GetAsync("secret/config");
        Assert.Equal("""{"cas_required":false,"delete_version_after":"0s","max_versions":3}""", config.Data.GetRawText());
    }

    [Fact]
    public async Task Delete_version_after_presets_deletion_time_and_the_version_reads_deleted_once_passed()
    {
        Assert.Equal(204, (await PostAsync("secret/metadata/app", """{"delete_version_after":"1h"}""")).Status);
        var written = await WriteAsync("app", """{"a":"1"}""");
        Assert.Equal("2025-03-22T03:24:06.9453192Z", Text(written, "deletion_time"));
        Assert.Equal(200, (await GetAsync("secret/data/app")).Status);

        Time.Advance(TimeSpan.FromHours(1));
        var read = await GetAsync("secret/data/app");
        Assert.Equal(404, read.Status);
        Assert.Equal(JsonValueKind.Null, read.Data.GetProperty("data").ValueKind);
        Assert.Equal("1h0m0s", Text((await GetAsync("secret/metadata/app")).Data, "delete_version_after"));
    }

    [Fact]
    public async Task Engine_delete_version_after_applies_to_new_versions()
    {
        Vault.ConfigureKv("secret", deleteVersionAfter: TimeSpan.FromMinutes(30));
        await WriteAsync("app", """{"a":"1"}""");
        Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(404, (await GetAsync("secret/data/app")).Status);
        Assert.Equal("30m0s", Text((await GetAsync("secret/config")).Data, "delete_version_after"));
    }
}
