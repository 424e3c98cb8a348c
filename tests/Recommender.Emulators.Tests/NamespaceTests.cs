using Recommender.Emulators.Vault;

namespace Recommender.Emulators.Tests;

/// <summary>Contract §8: <c>X-Vault-Namespace</c> (trailing slash optional) ≡ a path prefix; namespace-scoped tokens and mounts.</summary>
public sealed class NamespaceTests : VaultTestBase
{
    [Fact]
    public async Task Header_and_path_prefix_reach_the_same_namespace()
    {
        Vault.AddNamespace("team1/");
        Vault.MountKv("secret", "team1/");
        Assert.Equal(200, (await PostAsync("secret/data/app", """{"data":{"where":"team1"}}""", ns: "team1/")).Status);

        var byPrefix = await GetAsync("team1/secret/data/app");
        Assert.Equal(200, byPrefix.Status);
        Assert.Equal("""{"where":"team1"}""", byPrefix.Data.GetProperty("data").GetRawText());
        Assert.Equal(200, (await GetAsync("secret/data/app", ns: "team1")).Status);
        AssertEmptyNotFound(await GetAsync("secret/data/app"));
    }

    [Fact]
    public async Task Nested_namespaces_combine_header_and_prefix()
    {
        Vault.AddNamespace("a/b");
        Vault.MountKv("kv", "a/b");
        Assert.Equal(200, (await PostAsync("kv/data/x", """{"data":{"n":"1"}}""", ns: "a/b/")).Status);
        Assert.Equal(200, (await GetAsync("b/kv/data/x", ns: "a/")).Status);
        Assert.Equal(200, (await GetAsync("a/b/kv/data/x")).Status);
    }

    [Fact]
    public async Task Unknown_namespace_is_404()
    {
        AssertError(await GetAsync("secret/data/app", ns: "ghost/"), 404, "namespace not found");
    }

    [Fact]
    public async Task A_namespace_starts_without_mounts()
    {
        Vault.AddNamespace("team1");
        AssertError(await GetAsync("secret/data/app", ns: "team1/"), 404, "no handler for route \"secret/data/app\". route entry not found.");
    }

    [Fact]
    public async Task Tokens_are_scoped_to_their_namespace_and_policies_are_relative_to_it()
    {
        Vault.AddNamespace("team1");
        Vault.MountKv("secret", "team1");
        await WriteAsync("app", """{"a":"root"}""");
        var token = Vault.CreateToken(new VaultTokenSpec(Policies: [new VaultPolicyRule("secret/data/", "read", "create")], Namespace: "team1/"));

        Assert.Equal(200, (await PostAsync("secret/data/app", """{"data":{"a":"t"}}""", token, ns: "team1/")).Status);
        Assert.Equal(200, (await GetAsync("team1/secret/data/app", token)).Status);
        AssertError(await GetAsync("secret/data/app", token), 403, "permission denied");
        Assert.Equal("team1/", Text((await GetAsync("auth/token/lookup-self", token, ns: "team1/")).Data, "namespace_path"));
    }

    [Fact]
    public async Task Root_token_reaches_child_namespaces()
    {
        Vault.AddNamespace("team1");
        Vault.MountKv("secret", "team1");
        Assert.Equal(200, (await PostAsync("secret/data/app", """{"data":{"a":"t"}}""", ns: "team1/")).Status);
    }

    [Fact]
    public async Task AppRole_login_needs_the_namespace_of_its_role()
    {
        Vault.AddNamespace("team1");
        Vault.MountKv("secret", "team1");
        var credentials = Vault.AddAppRole("app", new VaultAppRoleSpec(TimeSpan.FromHours(1), TimeSpan.FromHours(2), Namespace: "team1"));
        var body = $$"""{"role_id":"{{credentials.RoleId}}","secret_id":"{{credentials.SecretId}}"}""";

        Assert.Equal(403, (await PostAsync("auth/approle/login", body, token: null)).Status);
        var login = await PostAsync("auth/approle/login", body, token: null, ns: "team1/");
        Assert.Equal(200, login.Status);
        var token = Text(login.Json.GetProperty("auth"), "client_token");
        Assert.Equal(200, (await PostAsync("secret/data/app", """{"data":{"a":"t"}}""", token, ns: "team1/")).Status);
        AssertError(await GetAsync("secret/metadata/app?list=true", token), 403, "permission denied");
    }

    [Fact]
    public async Task The_request_log_records_the_resolved_namespace_and_the_relative_path()
    {
        Vault.AddNamespace("team1");
        Vault.MountKv("secret", "team1");
        await GetAsync("team1/secret/data/app");
        await GetAsync("secret/data/other", ns: "team1");

        var records = Vault.Requests;
        Assert.Equal(("secret/data/app", "team1/"), (records[0].Path, records[0].Namespace));
        Assert.Equal(("secret/data/other", "team1/"), (records[1].Path, records[1].Namespace));
    }
}
