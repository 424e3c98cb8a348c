using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Recommender.Core.Errors;
using Recommender.Secrets.Vault;
using Recommender.Testing.Stores;

namespace Recommender.Secrets.Tests;

/// <summary>What the Vault store does beyond the contract: layout, metadata-only queries, the mirror, deleted versions.</summary>
public sealed class VaultSecretStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string org = TestSecrets.NewOrganization();
    private VaultTestHost host = null!;

    public async Task InitializeAsync() => host = await VaultTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Secrets_live_in_pipelines_layout_under_orgs()
    {
        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("prod", tags: ["b", "a"]), "alice", None);

        var raw = await host.Client.ReadAsync($"orgs/{org}/{created.Id}", null, None);

        var value = raw!.Data!["value"]!.AsObject();
        Assert.Equal("prod", (string?)value["name"]);
        Assert.Equal("alibaba", (string?)value["type"]);
        Assert.Equal("alice", (string?)value["updatedBy"]);
        Assert.Equal(["a", "b"], value["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(TestSecrets.KeySecret(), (string?)value["values"]![SecretSchema.AlibabaAccessKeySecret]);
        Assert.Contains(host.Emulator.Requests, r => r.Method == "POST" && r.Path == $"secret/data/orgs/{org}/{created.Id}");
        await host.Store.ListAsync(org, None);
        Assert.Contains(host.Emulator.Requests, r => r.Path.TrimEnd('/') == $"secret/metadata/orgs/{org}");
    }

    [Fact]
    public async Task Every_data_write_carries_check_and_set()
    {
        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("cas"), "alice", None);
        await host.Store.UpdateAsync(org, created.Id, TestSecrets.Alibaba("cas", seed: "2"), 1, "alice", None);

        var writes = host.Emulator.Requests.Where(r => r.Method is "POST" or "PUT" && r.Path.StartsWith("secret/data/", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, writes.Count);
        Assert.Equal([0L, 1L], writes.Select(w => (long)JsonNode.Parse(w.Body)!["options"]!["cas"]!));
    }

    [Fact]
    public async Task Get_and_List_never_read_the_data()
    {
        var a = await host.Store.CreateAsync(org, TestSecrets.Alibaba("a"), "alice", None);
        await host.Store.CreateAsync(org, TestSecrets.Alibaba("b"), "alice", None);
        host.Emulator.ClearRequests();

        Assert.NotNull(await host.Store.GetAsync(org, a.Id, None));
        Assert.Equal(2, (await host.Store.ListAsync(org, None)).Count);

        Assert.NotEmpty(host.Emulator.Requests);
        Assert.DoesNotContain(host.Emulator.Requests, r => r.Path.StartsWith("secret/data/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_mirror_is_rebuilt_from_the_data_once()
    {
        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("mirror", tags: ["t"]), "alice", None);
        var path = $"orgs/{org}/{created.Id}";
        await host.Client.WriteCustomMetadataAsync(path, new Dictionary<string, string>(), None);
        host.Emulator.ClearRequests();

        var repaired = await host.Store.GetAsync(org, created.Id, None);
        var dataReads = host.Emulator.Requests.Count(r => r.Path.StartsWith("secret/data/", StringComparison.Ordinal));
        host.Emulator.ClearRequests();
        var again = await host.Store.GetAsync(org, created.Id, None);

        SecretAssert.Same(created, repaired);
        SecretAssert.Same(created, again);
        Assert.Equal(1, dataReads);
        Assert.DoesNotContain(host.Emulator.Requests, r => r.Path.StartsWith("secret/data/", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("mirror is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mirror_left_behind_by_a_crash_between_the_writes_is_repaired()
    {
        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("crash", tags: ["old"]), "alice", None);
        // A second writer stored version 2 and died before writing the mirror.
        var newer = VaultStoredSecret.From(TestSecrets.Alibaba("crash", seed: "2", tags: ["new"]), "bob");
        await host.Client.WriteAsync($"orgs/{org}/{created.Id}", newer.ToData(), 1, None);

        var read = await host.Store.GetAsync(org, created.Id, None);
        var listed = Assert.Single(await host.Store.ListAsync(org, None));

        Assert.Equal(2, read!.Version);
        Assert.Equal(["new"], read.Tags);
        Assert.Equal("bob", read.UpdatedBy);
        Assert.Equal(created.CreatedAt, read.CreatedAt);
        SecretAssert.Same(read, listed);
        var mirror = (await host.Client.ReadMetadataAsync($"orgs/{org}/{created.Id}", None))!.CustomMetadata;
        Assert.Equal("2", mirror["recommender.version"]);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("destroy")]
    public async Task A_deleted_or_destroyed_latest_version_reads_as_absent(string how)
    {
        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("gone"), "alice", None);
        await host.Store.UpdateAsync(org, created.Id, TestSecrets.Alibaba("gone", seed: "2"), 1, "alice", None);
        await RemoveLatestAsync($"orgs/{org}/{created.Id}", how, 2);

        Assert.Null(await host.Store.GetAsync(org, created.Id, None));
        Assert.Null(await host.Store.ReadValuesAsync(org, created.Id, None));
        Assert.Empty(await host.Store.ListAsync(org, None));
        await Assert.ThrowsAsync<NotFoundException>(() => host.Store.UpdateAsync(org, created.Id, TestSecrets.Alibaba("gone", seed: "3"), 2, "a", None));

        // The name is free again: creating it takes the key over with check-and-set, the version counting on.
        var again = await host.Store.CreateAsync(org, TestSecrets.Alibaba("gone", seed: "4"), "bob", None);
        Assert.Equal(3, again.Version);
        SecretAssert.Same(again, await host.Store.GetAsync(org, created.Id, None));
        Assert.Equal(TestSecrets.KeySecret("4"), (await host.Store.ReadValuesAsync(org, created.Id, None))![SecretSchema.AlibabaAccessKeySecret]);
    }

    [Fact]
    public async Task Deleting_a_key_whose_latest_version_is_deleted_cleans_it_up_and_reports_nothing_deleted()
    {
        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("half gone"), "alice", None);
        await RemoveLatestAsync($"orgs/{org}/{created.Id}", "delete", 1);

        Assert.False(await host.Store.DeleteAsync(org, created.Id, None));

        Assert.Null(await host.Client.ReadMetadataAsync($"orgs/{org}/{created.Id}", None));
    }

    [Fact]
    public async Task Keys_not_written_by_the_store_are_skipped_in_lists()
    {
        await host.Store.CreateAsync(org, TestSecrets.Alibaba("mine"), "alice", None);
        await host.Client.WriteAsync($"orgs/{org}/README", new JsonObject { ["text"] = "hello" }, 0, None);
        await host.Client.WriteAsync($"orgs/{org}/folder/{SecretIds.FromName("x")}", new JsonObject { ["text"] = "nested" }, 0, None);
        var foreign = SecretIds.FromName("foreign");
        await host.Client.WriteAsync($"orgs/{org}/{foreign}", new JsonObject { ["ALIBABA_ACCESS_KEY_ID"] = "x" }, 0, None);

        var listed = await host.Store.ListAsync(org, None);

        Assert.Equal(["mine"], listed.Select(s => s.Name));
        Assert.Null(await host.Store.ReadValuesAsync(org, foreign, None));
    }

    [Fact]
    public async Task Unsafe_ids_never_reach_vault()
    {
        host.Emulator.ClearRequests();

        await Assert.ThrowsAsync<ValidationException>(() => host.Store.ListAsync("../../sys", None));
        await Assert.ThrowsAsync<ValidationException>(() => host.Store.GetAsync(org, "../../../sys/seal", None));
        await Assert.ThrowsAsync<ValidationException>(() => host.Store.CreateAsync("a/b", TestSecrets.Alibaba("x"), "m", None));

        Assert.Empty(host.Emulator.Requests);
    }

    [Fact]
    public async Task A_write_whose_answer_was_lost_is_not_a_conflict_when_retried()
    {
        var flaky = new LosingFirstAnswerClient(host.Client);
        var store = new VaultSecretStore(flaky, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<VaultSecretStore>.Instance);
        var draft = TestSecrets.Alibaba("lost answer");

        await Assert.ThrowsAsync<SecretsUnavailableException>(() => store.CreateAsync(org, draft, "alice", None));
        var created = await store.CreateAsync(org, draft, "alice", None);
        flaky.LoseNext = true;
        await Assert.ThrowsAsync<SecretsUnavailableException>(() => store.UpdateAsync(org, created.Id, TestSecrets.Alibaba("lost answer", seed: "2"), 1, "bob", None));
        var updated = await store.UpdateAsync(org, created.Id, TestSecrets.Alibaba("lost answer", seed: "2"), 1, "bob", None);

        Assert.Equal(1, created.Version);
        Assert.Equal(2, updated.Version);
        Assert.Equal("bob", (await store.GetAsync(org, created.Id, None))!.UpdatedBy);
        // A different write at the same version is still a conflict.
        await Assert.ThrowsAsync<ConflictException>(() => store.UpdateAsync(org, created.Id, TestSecrets.Alibaba("lost answer", seed: "3"), 1, "carol", None));
    }

    [Fact]
    public async Task Works_inside_a_namespace()
    {
        await using var scoped = await VaultTestHost.StartAsync(prepare: e =>
        {
            e.AddNamespace("team1/");
            e.MountKv("secret", "team1/");
            return new() { ["Token"] = e.CreateToken(new Emulators.Vault.VaultTokenSpec(Namespace: "team1/")), ["Namespace"] = "team1/" };
        });

        var created = await scoped.Store.CreateAsync(org, TestSecrets.Alibaba("namespaced"), "alice", None);

        SecretAssert.Same(created, await scoped.Store.GetAsync(org, created.Id, None));
        Assert.All(scoped.Emulator.Requests, r => Assert.Equal("team1/", r.Namespace));
    }

    private async Task RemoveLatestAsync(string path, string how, int version)
    {
        using var http = new HttpClient { BaseAddress = host.Emulator.BaseAddress };
        using var request = how == "delete"
            ? new HttpRequestMessage(HttpMethod.Delete, $"v1/secret/data/{path}")
            : new HttpRequestMessage(HttpMethod.Post, $"v1/secret/destroy/{path}") { Content = new StringContent($$"""{"versions":[{{version}}]}""") };
        request.Headers.Add("X-Vault-Token", host.Emulator.RootToken);
        request.Content?.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{how}: {(int)response.StatusCode}");
    }

    /// <summary>Passes everything on, but the first write of each round succeeds in Vault and then "loses" its answer.</summary>
    private sealed class LosingFirstAnswerClient(IVaultClient inner) : IVaultClient
    {
        public bool LoseNext { get; set; } = true;

        public VaultTokenLease? CurrentLease => inner.CurrentLease;

        public async Task<VaultKvVersion> WriteAsync(string path, JsonObject data, long cas, CancellationToken ct)
        {
            var written = await inner.WriteAsync(path, data, cas, ct);
            if (LoseNext)
            {
                LoseNext = false;
                throw new SecretsUnavailableException("the answer was lost");
            }

            return written;
        }

        public Task<VaultKvSecret?> ReadAsync(string path, long? version, CancellationToken ct) => inner.ReadAsync(path, version, ct);

        public Task<VaultKvMetadata?> ReadMetadataAsync(string path, CancellationToken ct) => inner.ReadMetadataAsync(path, ct);

        public Task WriteCustomMetadataAsync(string path, IReadOnlyDictionary<string, string> customMetadata, CancellationToken ct) =>
            inner.WriteCustomMetadataAsync(path, customMetadata, ct);

        public Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct) => inner.ListAsync(folder, ct);

        public Task DeleteMetadataAsync(string path, CancellationToken ct) => inner.DeleteMetadataAsync(path, ct);

        public Task<VaultTokenLease> LoginAsync(CancellationToken ct) => inner.LoginAsync(ct);

        public Task<VaultTokenLease> LookupSelfAsync(CancellationToken ct) => inner.LookupSelfAsync(ct);

        public Task<VaultTokenLease?> RenewSelfAsync(CancellationToken ct) => inner.RenewSelfAsync(ct);

        public Task<VaultHealth> GetHealthAsync(CancellationToken ct) => inner.GetHealthAsync(ct);
    }
}
