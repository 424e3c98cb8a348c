using System.Text.Json;
using Recommender.Emulators.Vault;

namespace Recommender.Emulators.Tests;

/// <summary>Contract §6: AppRole login, its answer, its exact 400 messages, and secret_id uses and TTL.</summary>
public sealed class AppRoleTests : VaultTestBase
{
    private static readonly VaultAppRoleSpec Spec = new(
        TimeSpan.FromMinutes(20), TimeSpan.FromHours(1), [new VaultPolicyRule("secret/data/orgs/", "read", "create", "update")]);

    [Fact]
    public async Task Login_answers_auth_with_a_service_token_and_no_data()
    {
        var credentials = Vault.AddAppRole("recommender", Spec);
        var response = await LoginAsync(credentials.RoleId, credentials.SecretId);

        Assert.Equal(200, response.Status);
        Assert.Equal(JsonValueKind.Null, Kind(response.Json, "data"));
        Assert.Equal(0, Int(response.Json, "lease_duration"));
        var auth = response.Json.GetProperty("auth");
        Assert.StartsWith("hvs.", Text(auth, "client_token"), StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, Text(auth, "accessor"));
        Assert.Equal(1200, Int(auth, "lease_duration"));
        Assert.True(auth.GetProperty("renewable").GetBoolean());
        Assert.Equal("service", Text(auth, "token_type"));
        Assert.True(auth.GetProperty("orphan").GetBoolean());
        Assert.Equal("""{"role_name":"recommender"}""", auth.GetProperty("metadata").GetRawText());
        Assert.Contains("default", auth.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        Assert.True(auth.TryGetProperty("token_policies", out _));
        Assert.True(auth.TryGetProperty("entity_id", out _));
    }

    [Fact]
    public async Task The_issued_token_carries_the_role_policies_and_ttl()
    {
        var credentials = Vault.AddAppRole("recommender", Spec);
        var token = Text((await LoginAsync(credentials.RoleId, credentials.SecretId)).Json.GetProperty("auth"), "client_token");

        Assert.Equal(200, (await PostAsync("secret/data/orgs/1/x", """{"data":{"k":"v"}}""", token)).Status);
        AssertError(await PostAsync("secret/data/other", """{"data":{"k":"v"}}""", token), 403, "permission denied");
        var lookup = (await GetAsync("auth/token/lookup-self", token)).Data;
        Assert.Equal("auth/approle/login", Text(lookup, "path"));
        Assert.Equal(1200, Int(lookup, "ttl"));

        Time.Advance(TimeSpan.FromMinutes(15));
        var renewed = await PostAsync("auth/token/renew-self", """{"increment":"50m"}""", token);
        Assert.Equal(2700, Int(renewed.Json.GetProperty("auth"), "lease_duration"));
        Assert.Single(renewed.Json.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Missing_fields_have_their_messages()
    {
        var credentials = Vault.AddAppRole("recommender", Spec);
        AssertError(await PostAsync("auth/approle/login", """{"secret_id":"x"}""", token: null), 400, "missing role_id");
        AssertError(await PostAsync("auth/approle/login", """{"role_id":""}""", token: null), 400, "missing role_id");
        AssertError(await PostAsync("auth/approle/login", $$"""{"role_id":"{{credentials.RoleId}}"}""", token: null), 400, "missing secret_id");
    }

    [Fact]
    public async Task Wrong_role_id_or_secret_id_is_invalid_role_or_secret_ID()
    {
        var credentials = Vault.AddAppRole("recommender", Spec);
        AssertError(await LoginAsync("wrong", credentials.SecretId), 400, "invalid role or secret ID");
        AssertError(await LoginAsync(credentials.RoleId, "wrong"), 400, "invalid role or secret ID");
    }

    [Fact]
    public async Task Role_without_bound_secret_id_logs_in_with_the_role_id_alone()
    {
        var credentials = Vault.AddAppRole("open", Spec with { BindSecretId = false });
        Assert.Equal(200, (await PostAsync("auth/approle/login", $$"""{"role_id":"{{credentials.RoleId}}"}""", token: null)).Status);
    }

    [Fact]
    public async Task Secret_id_num_uses_runs_out()
    {
        var credentials = Vault.AddAppRole("recommender", Spec with { SecretIdNumUses = 2 });
        Assert.Equal(200, (await LoginAsync(credentials.RoleId, credentials.SecretId)).Status);
        Assert.Equal(200, (await LoginAsync(credentials.RoleId, credentials.SecretId)).Status);
        AssertError(await LoginAsync(credentials.RoleId, credentials.SecretId), 400, "invalid role or secret ID");
    }

    [Fact]
    public async Task Secret_id_ttl_expires_on_the_emulator_clock()
    {
        var credentials = Vault.AddAppRole("recommender", Spec with { SecretIdTtl = TimeSpan.FromMinutes(10) });
        Time.Advance(TimeSpan.FromMinutes(10));
        AssertError(await LoginAsync(credentials.RoleId, credentials.SecretId), 400, "invalid role or secret ID");
    }

    [Fact]
    public async Task Added_secret_ids_work_with_their_own_limits()
    {
        var credentials = Vault.AddAppRole("recommender", Spec);
        var single = Vault.AddSecretId("recommender", numUses: 1);
        Assert.Equal(200, (await LoginAsync(credentials.RoleId, single)).Status);
        AssertError(await LoginAsync(credentials.RoleId, single), 400, "invalid role or secret ID");
        Assert.Throws<ArgumentException>(() => Vault.AddSecretId("nobody"));
    }

    [Fact]
    public async Task Login_ignores_a_stale_token_header()
    {
        var credentials = Vault.AddAppRole("recommender", Spec);
        var response = await PostAsync("auth/approle/login", LoginBody(credentials), token: "hvs.expired-long-ago");
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Custom_mount_logs_in_at_its_own_path()
    {
        var credentials = Vault.AddAppRole("recommender", Spec, mount: "ci-approle");
        var response = await PostAsync("auth/ci-approle/login", LoginBody(credentials), token: null);
        Assert.Equal(200, response.Status);
        var token = Text(response.Json.GetProperty("auth"), "client_token");
        Assert.Equal("auth/ci-approle/login", Text((await GetAsync("auth/token/lookup-self", token)).Data, "path"));
        Assert.Equal(403, (await LoginAsync(credentials.RoleId, credentials.SecretId)).Status);
    }

    private Task<VaultResponse> LoginAsync(string roleId, string secretId) =>
        PostAsync("auth/approle/login", $$"""{"role_id":"{{roleId}}","secret_id":"{{secretId}}"}""", token: null);
}
