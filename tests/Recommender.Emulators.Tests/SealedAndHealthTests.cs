using System.Text.Json;
using Recommender.Emulators.Vault;

namespace Recommender.Emulators.Tests;

/// <summary>Contract §9: <c>sys/health</c> (GET and HEAD, codes, overrides, body), <c>sys/seal-status</c>, and the sealed state.</summary>
public sealed class SealedAndHealthTests : VaultTestBase
{
    private static readonly string[] HealthKeys =
    [
        "initialized", "sealed", "standby", "performance_standby", "replication_performance_mode", "replication_dr_mode",
        "server_time_utc", "version", "cluster_name", "cluster_id",
    ];

    [Fact]
    public async Task Health_of_an_active_node_is_200_with_the_health_body()
    {
        var response = await GetAsync("sys/health", token: null);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.All(HealthKeys, key => Assert.True(response.Json.TryGetProperty(key, out _), key));
        Assert.True(response.Json.GetProperty("initialized").GetBoolean());
        Assert.False(response.Json.GetProperty("sealed").GetBoolean());
        Assert.False(response.Json.GetProperty("standby").GetBoolean());
        Assert.Equal(Start.ToUnixTimeSeconds(), response.Json.GetProperty("server_time_utc").GetInt64());
    }

    [Fact]
    public async Task Head_health_answers_the_status_only()
    {
        var active = await SendAsync("HEAD", "sys/health", token: null);
        Assert.Equal(200, active.Status);
        Assert.Equal(string.Empty, active.Text);
        Vault.Seal();
        Assert.Equal(503, (await SendAsync("HEAD", "sys/health", token: null)).Status);
    }

    [Fact]
    public async Task Standby_is_429_unless_standbyok_or_a_standbycode_says_otherwise()
    {
        Vault.IsStandby = true;
        var standby = await GetAsync("sys/health", token: null);
        Assert.Equal(429, standby.Status);
        Assert.True(standby.Json.GetProperty("standby").GetBoolean());
        Assert.Equal(200, (await GetAsync("sys/health?standbyok=true", token: null)).Status);
        Assert.Equal(299, (await GetAsync("sys/health?standbycode=299", token: null)).Status);
        Assert.Equal(204, (await GetAsync("sys/health?standbyok=True&activecode=204", token: null)).Status);
        Assert.Equal(400, (await GetAsync("sys/health?standbyok=yes", token: null)).Status);
    }

    [Fact]
    public async Task Activecode_overrides_the_active_answer()
    {
        Assert.Equal(204, (await GetAsync("sys/health?activecode=204", token: null)).Status);
    }

    [Fact]
    public async Task Sealed_health_is_503_with_the_body_and_sealedcode_overrides()
    {
        Vault.Seal();
        Assert.True(Vault.IsSealed);
        var sealedHealth = await GetAsync("sys/health", token: null);
        Assert.Equal(503, sealedHealth.Status);
        Assert.True(sealedHealth.Json.GetProperty("sealed").GetBoolean());
        Assert.False(sealedHealth.Json.TryGetProperty("errors", out _));
        Assert.Equal(200, (await GetAsync("sys/health?sealedcode=200", token: null)).Status);
    }

    [Fact]
    public async Task Sealed_vault_answers_503_Vault_is_sealed_everywhere_else()
    {
        await WriteAsync("app", """{"a":"1"}""");
        var credentials = Vault.AddAppRole("r", new VaultAppRoleSpec(TimeSpan.FromHours(1), TimeSpan.FromHours(1)));
        Vault.Seal();

        AssertError(await GetAsync("secret/data/app"), 503, "Vault is sealed");
        AssertError(await GetAsync("secret/data/app", token: null), 503, "Vault is sealed");
        AssertError(await GetAsync("auth/token/lookup-self"), 503, "Vault is sealed");
        AssertError(await PostAsync("auth/approle/login", LoginBody(credentials), token: null), 503, "Vault is sealed");
        Assert.Equal("application/json", (await GetAsync("secret/data/app")).ContentType);

        Vault.Unseal();
        Assert.Equal(200, (await GetAsync("secret/data/app")).Status);
    }

    [Fact]
    public async Task Seal_status_is_served_sealed_or_not()
    {
        var open = await GetAsync("sys/seal-status", token: null);
        Assert.Equal(200, open.Status);
        Assert.False(open.Json.GetProperty("sealed").GetBoolean());
        Assert.True(open.Json.GetProperty("initialized").GetBoolean());
        Vault.Seal();
        var closed = await GetAsync("sys/seal-status", token: null);
        Assert.Equal(200, closed.Status);
        Assert.True(closed.Json.GetProperty("sealed").GetBoolean());
        Assert.Equal(JsonValueKind.Number, closed.Json.GetProperty("t").ValueKind);
    }

    [Fact]
    public async Task Health_is_GET_or_HEAD_only()
    {
        Assert.Equal(405, (await PostAsync("sys/health", "{}", token: null)).Status);
    }
}
