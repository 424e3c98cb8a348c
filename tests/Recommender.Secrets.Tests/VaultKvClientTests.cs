using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Recommender.Secrets.Vault;

namespace Recommender.Secrets.Tests;

/// <summary>The KV v2 calls of <see cref="IVaultClient"/> against the emulator (contract §4).</summary>
public sealed class VaultKvClientTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private VaultTestHost host = null!;

    private IVaultClient Client => host.Client;

    public async Task InitializeAsync() => host = await VaultTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Versions_count_up_and_read_back_by_number()
    {
        var first = await Client.WriteAsync("app/one", Data("v1"), 0, None);
        var second = await Client.WriteAsync("app/one", Data("v2"), 1, None);

        Assert.Equal([1L, 2L], [first.Version, second.Version]);
        Assert.Equal("v2", (string?)(await Client.ReadAsync("app/one", null, None))!.Data!["k"]);
        Assert.Equal("v1", (string?)(await Client.ReadAsync("app/one", 1, None))!.Data!["k"]);
        Assert.Null(await Client.ReadAsync("app/one", 9, None));
        Assert.Null(await Client.ReadAsync("app/none", null, None));
        var metadata = (await Client.ReadMetadataAsync("app/one", None))!;
        Assert.Equal(2, metadata.CurrentVersion);
        Assert.Equal(first.CreatedTime, metadata.CreatedTime);
        Assert.Equal(second.CreatedTime, metadata.Current!.CreatedTime);
        Assert.Equal([1L, 2L], metadata.Versions.Keys.Order());
    }

    [Fact]
    public async Task A_check_and_set_mismatch_is_a_400_with_vaults_message()
    {
        await Client.WriteAsync("app/cas", Data("v1"), 0, None);

        var error = await Assert.ThrowsAsync<VaultApiException>(() => Client.WriteAsync("app/cas", Data("v2"), 0, None));

        Assert.Equal(400, error.Status);
        Assert.Equal(["check-and-set parameter did not match the current version"], error.Errors);
        Assert.DoesNotContain("v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_version_reads_as_its_metadata_without_data()
    {
        await Client.WriteAsync("app/deleted", Data("v1"), 0, None);
        await RawAsync(HttpMethod.Delete, "secret/data/app/deleted");

        var read = await Client.ReadAsync("app/deleted", null, None);

        Assert.NotNull(read);
        Assert.Null(read.Data);
        Assert.NotNull(read.Metadata.DeletionTime);
        Assert.False(read.Metadata.IsLiveAt(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_destroyed_version_reads_as_destroyed()
    {
        await Client.WriteAsync("app/destroyed", Data("v1"), 0, None);
        await RawAsync(HttpMethod.Post, "secret/destroy/app/destroyed", """{"versions":[1]}""");

        var read = await Client.ReadAsync("app/destroyed", null, None);

        Assert.Null(read!.Data);
        Assert.True(read.Metadata.Destroyed);
    }

    [Fact]
    public async Task Lists_keys_and_folders_and_nothing_as_empty()
    {
        await Client.WriteAsync("list/a", Data("x"), 0, None);
        await Client.WriteAsync("list/sub/b", Data("x"), 0, None);

        Assert.Equal(["a", "sub/"], (await Client.ListAsync("list", None)).Order(StringComparer.Ordinal));
        Assert.Empty(await Client.ListAsync("nothing", None));
    }

    [Fact]
    public async Task Custom_metadata_is_replaced_and_delete_removes_everything()
    {
        await Client.WriteAsync("app/meta", Data("x"), 0, None);
        await Client.WriteCustomMetadataAsync("app/meta", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, None);
        await Client.WriteCustomMetadataAsync("app/meta", new Dictionary<string, string> { ["c"] = "3" }, None);

        Assert.Equal(new Dictionary<string, string> { ["c"] = "3" }, (await Client.ReadMetadataAsync("app/meta", None))!.CustomMetadata);

        await Client.DeleteMetadataAsync("app/meta", None);
        await Client.DeleteMetadataAsync("app/meta", None); // already gone: fine
        Assert.Null(await Client.ReadMetadataAsync("app/meta", None));
        Assert.Equal(1, (await Client.WriteAsync("app/meta", Data("again"), 0, None)).Version);
    }

    [Theory]
    [InlineData("../sys/seal")]
    [InlineData("a/../../b")]
    [InlineData("a//b")]
    [InlineData("a/.")]
    public async Task Paths_with_dot_segments_are_refused_before_sending(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.ReadAsync(path, null, None));
        Assert.Empty(host.Recorder.Sent);
    }

    [Fact]
    public async Task Segments_are_percent_encoded()
    {
        await Client.WriteAsync("app/with space?and#hash", Data("x"), 0, None);

        Assert.Contains("/v1/secret/data/app/with%20space%3Fand%23hash", host.Recorder.Sent[^1].Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("secret/data/app/with space?and#hash", host.Emulator.Requests[^1].Path);
    }

    private static JsonObject Data(string value) => new() { ["k"] = value };

    private async Task RawAsync(HttpMethod method, string path, string? body = null)
    {
        using var http = new HttpClient { BaseAddress = host.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(method, "v1/" + path);
        request.Headers.Add("X-Vault-Token", host.Emulator.RootToken);
        if (body is not null)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
    }
}
