using System.Text.Json;
using Recommender.Emulators.Vault;

namespace Recommender.Emulators.Tests;

/// <summary>Contract §5 and §11 "Auth and tokens": token checks, lookup-self, renew-self, num_uses, the ACL.</summary>
public sealed class TokenTests : VaultTestBase
{
    private static readonly string[] LookupKeys =
    [
        "accessor", "creation_time", "creation_ttl", "display_name", "entity_id", "expire_time", "explicit_max_ttl", "id",
        "issue_time", "meta", "num_uses", "orphan", "path", "policies", "renewable", "ttl", "type",
    ];

    [Fact]
    public async Task Root_token_lookup_is_non_expiring_with_the_root_policy()
    {
        var data = (await GetAsync("auth/token/lookup-self")).Data;
        Assert.Equal(Root, Text(data, "id"));
        Assert.StartsWith("hvs.", Root, StringComparison.Ordinal);
        Assert.Equal(["root"], data.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(0, Int(data, "ttl"));
        Assert.Equal(JsonValueKind.Null, Kind(data, "expire_time"));
        Assert.Equal("service", Text(data, "type"));
    }

    [Fact]
    public async Task Lookup_self_has_the_contract_keys_and_ttl_counts_down()
    {
        var token = Vault.CreateToken(new VaultTokenSpec(Ttl: TimeSpan.FromHours(1), Policies: [new VaultPolicyRule("secret/", "read")]));
        var response = await GetAsync("auth/token/lookup-self", token);
        Assert.Equal(200, response.Status);
        Assert.Equal("token", Text(response.Json, "mount_type"));
        var data = response.Data;
        Assert.All(LookupKeys, key => Assert.True(data.TryGetProperty(key, out _), key));
        Assert.Equal(3600, Int(data, "ttl"));
        Assert.Equal(3600, Int(data, "creation_ttl"));
        Assert.Equal(Start.ToUnixTimeSeconds(), data.GetProperty("creation_time").GetInt64());
        Assert.Equal("2025-03-22T03:24:06.9453192Z", Text(data, "expire_time"));
        Assert.True(data.GetProperty("renewable").GetBoolean());

        Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(3000, Int((await SendAsync("POST", "auth/token/lookup-self", "{}", token)).Data, "ttl"));
    }

    [Fact]
    public async Task Missing_unknown_expired_and_revoked_tokens_are_403_permission_denied()
    {
        await WriteAsync("app", """{"a":"1"}""");
        AssertError(await GetAsync("secret/data/app", token: null), 403, "permission denied");
        AssertError(await GetAsync("secret/data/app", token: "hvs.unknown"), 403, "permission denied");

        var shortLived = Vault.CreateToken(new VaultTokenSpec(Ttl: TimeSpan.FromMinutes(5)));
        Assert.Equal(200, (await GetAsync("secret/data/app", shortLived)).Status);
        Time.Advance(TimeSpan.FromMinutes(5));
        AssertError(await GetAsync("secret/data/app", shortLived), 403, "permission denied");
        AssertError(await GetAsync("auth/token/lookup-self", shortLived), 403, "permission denied");

        var revoked = Vault.CreateToken(new VaultTokenSpec());
        Vault.RevokeToken(revoked);
        AssertError(await GetAsync("secret/data/app", revoked), 403, "permission denied");
    }

    [Fact]
    public async Task Revoke_self_ends_the_token()
    {
        var token = Vault.CreateToken(new VaultTokenSpec(Ttl: TimeSpan.FromHours(1)));
        Assert.Equal(204, (await SendAsync("POST", "auth/token/revoke-self", null, token)).Status);
        Assert.Equal(403, (await GetAsync("auth/token/lookup-self", token)).Status);
    }

    [Fact]
    public async Task Bearer_authorization_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "auth/token/lookup-self");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Root);
        using var response = await Http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Renew_self_extends_by_the_increment_up_to_the_max_ttl_with_the_warning()
    {
        var token = Vault.CreateToken(new VaultTokenSpec(Ttl: TimeSpan.FromHours(1), MaxTtl: TimeSpan.FromHours(2)));
        Time.Advance(TimeSpan.FromMinutes(30));
        var renewed = await PostAsync("auth/token/renew-self", """{"increment":"1h"}""", token);
        Assert.Equal(200, renewed.Status);
        var auth = renewed.Json.GetProperty("auth");
        Assert.Equal(3600, Int(auth, "lease_duration"));
        Assert.Equal(token, Text(auth, "client_token"));
        Assert.Equal("service", Text(auth, "token_type"));
        Assert.Equal(JsonValueKind.Null, Kind(renewed.Json, "warnings"));
        Assert.Equal(JsonValueKind.Null, Kind(renewed.Json, "data"));

        Time.Advance(TimeSpan.FromMinutes(50));
        var capped = await PostAsync("auth/token/renew-self", """{"increment":7200}""", token);
        Assert.Equal(2400, Int(capped.Json.GetProperty("auth"), "lease_duration"));
        Assert.Equal(
            ["TTL of \"2h0m0s\" exceeded the effective max_ttl of \"40m0s\"; TTL value is capped accordingly"],
            capped.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(2400, Int((await GetAsync("auth/token/lookup-self", token)).Data, "ttl"));
        Time.Advance(TimeSpan.FromMinutes(40));
        AssertError(await PostAsync("auth/token/renew-self", "{}", token), 403, "permission denied");
    }

    [Fact]
    public async Task Renew_self_without_increment_restores_the_creation_ttl()
    {
        var token = Vault.CreateToken(new VaultTokenSpec(Ttl: TimeSpan.FromMinutes(20)));
        Time.Advance(TimeSpan.FromMinutes(15));
        var renewed = await PostAsync("auth/token/renew-self", "{}", token);
        Assert.Equal(1200, Int(renewed.Json.GetProperty("auth"), "lease_duration"));
    }

    [Fact]
    public async Task Batch_tokens_have_the_hvb_prefix_and_cannot_be_renewed()
    {
        var batch = Vault.CreateToken(new VaultTokenSpec(Ttl: TimeSpan.FromHours(1), Type: VaultTokenType.Batch));
        Assert.StartsWith("hvb.", batch, StringComparison.Ordinal);
        Assert.Equal("batch", Text((await GetAsync("auth/token/lookup-self", batch)).Data, "type"));
        AssertError(await PostAsync("auth/token/renew-self", "{}", batch), 400, "batch tokens cannot be renewed");
    }

    [Fact]
    public async Task Non_renewable_token_renewal_is_400()
    {
        var token = Vault.CreateToken(new VaultTokenSpec(Ttl: TimeSpan.FromHours(1), Renewable: false));
        AssertError(await PostAsync("auth/token/renew-self", "{}", token), 400, "lease is not renewable");
    }

    [Fact]
    public async Task Renew_of_an_unknown_token_in_the_body_is_token_not_found()
    {
        AssertError(await PostAsync("auth/token/renew", """{"token":"hvs.nope"}"""), 400, "token not found");
    }

    [Fact]
    public async Task Num_uses_runs_out()
    {
        var token = Vault.CreateToken(new VaultTokenSpec(NumUses: 2));
        Assert.Equal(1, Int((await GetAsync("auth/token/lookup-self", token)).Data, "num_uses"));
        Assert.Equal(404, (await GetAsync("secret/data/none", token)).Status);
        AssertError(await GetAsync("auth/token/lookup-self", token), 403, "permission denied");
    }

    [Fact]
    public async Task Policy_grants_by_path_prefix_and_capability()
    {
        await WriteAsync("orgs/1/a", """{"x":"1"}""");
        await WriteAsync("other", """{"x":"1"}""");
        var token = Vault.CreateToken(new VaultTokenSpec(Policies:
        [
            new VaultPolicyRule("secret/data/orgs/", "read", "create"),
            new VaultPolicyRule("secret/metadata/orgs/", "list"),
            new VaultPolicyRule("secret/data/orgs/1/secret", "deny"),
        ]));

        Assert.Equal(200, (await GetAsync("secret/data/orgs/1/a", token)).Status);
        Assert.Equal(200, (await SendAsync("LIST", "secret/metadata/orgs/1", null, token)).Status);
        Assert.Equal(200, (await PostAsync("secret/data/orgs/1/new", """{"data":{"x":"1"}}""", token)).Status);
        AssertError(await PostAsync("secret/data/orgs/1/a", """{"data":{"x":"2"}}""", token), 403, "permission denied");
        AssertError(await GetAsync("secret/data/other", token), 403, "permission denied");
        AssertError(await SendAsync("DELETE", "secret/data/orgs/1/a", null, token), 403, "permission denied");
        AssertError(await GetAsync("secret/data/orgs/1/secret", token), 403, "permission denied");
        Assert.Equal(200, (await GetAsync("auth/token/lookup-self", token)).Status);
    }

    [Fact]
    public async Task Unknown_mount_is_404_no_handler_for_a_token_allowed_to_see_it_and_403_otherwise()
    {
        AssertError(await GetAsync("nomount/data/x"), 404, "no handler for route \"nomount/data/x\". route entry not found.");
        var limited = Vault.CreateToken(new VaultTokenSpec(Policies: [new VaultPolicyRule("secret/", "read")]));
        AssertError(await GetAsync("nomount/data/x", limited), 403, "permission denied");
    }

    [Fact]
    public async Task Token_create_issues_a_child_with_the_given_ttl()
    {
        var created = await PostAsync("auth/token/create", """{"ttl":"15m","explicit_max_ttl":"1h"}""");
        Assert.Equal(200, created.Status);
        var child = Text(created.Json.GetProperty("auth"), "client_token");
        Assert.Equal(900, Int(created.Json.GetProperty("auth"), "lease_duration"));
        Assert.Equal(3600, Int((await GetAsync("auth/token/lookup-self", child)).Data, "explicit_max_ttl"));
    }
}
