using Microsoft.Extensions.Hosting;
using Recommender.Emulators.Vault;
using Recommender.Secrets;

namespace Recommender.Api.Tests.Identity;

/// <summary>
/// The service configured for Vault (the emulator, AppRole login, Production environment): secrets go through GraphQL
/// into Pipeline's layout, and a sealed Vault is SECRETS_UNAVAILABLE, never a hang and never lost data.
/// </summary>
public sealed class VaultSecretApiTests : IAsyncLifetime
{
    private VaultEmulator vault = null!;
    private ApiFactory api = null!;

    public async Task InitializeAsync()
    {
        vault = await VaultEmulator.StartAsync();
        var role = vault.AddAppRole("recommender", new VaultAppRoleSpec(TimeSpan.FromHours(1), TimeSpan.FromHours(4),
            [new VaultPolicyRule("secret/data/orgs/", "create", "read", "update", "delete"), new VaultPolicyRule("secret/metadata/orgs/", "create", "read", "update", "delete", "list")]));
        api = new ApiFactory();
        api.Settings["Secrets:Vault:Address"] = vault.BaseAddress.ToString();
        api.Settings["Secrets:Vault:AppRole:RoleId"] = role.RoleId;
        api.Settings["Secrets:Vault:AppRole:SecretId"] = role.SecretId;
        api.Settings["Secrets:Vault:OverallDeadline"] = "00:00:02";
        api.Settings["Secrets:Vault:BaseRetryDelay"] = "00:00:00.010";
        api.Environment = Environments.Production;
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await vault.DisposeAsync();
    }

    [Fact]
    public async Task Secrets_live_in_Vault_under_the_organisation_and_values_never_come_back()
    {
        var admin = TestTokens.Admin("acme");

        var created = await SecretsApi.CreateAsync(api, admin, "acme", SecretsApi.Alibaba("vaulted", secret: "VaultedSecret0123456789abcdef"));
        var id = created.Data.GetProperty("createSecret").GetProperty("id").GetString()!;
        var updated = await api.PostAsync(SecretsApi.Update, new { org = "acme", id, version = 1, input = SecretsApi.Alibaba("vaulted", tags: ["x"]) }, token: admin);
        var listed = await api.PostAsync(SecretsApi.List, new { org = "acme" }, token: TestTokens.Member("acme"));

        Assert.Equal(SecretIds.FromName("vaulted"), id);
        Assert.Equal(2, updated.Data.GetProperty("updateSecret").GetProperty("version").GetInt64());
        Assert.Equal("""["x"]""", listed.Data.GetProperty("secrets")[0].GetProperty("tags").GetRawText());
        var writes = vault.Requests.Where(r => r.Method is "POST" or "PUT" && r.Path == $"secret/data/orgs/acme/{id}").ToList();
        Assert.Equal(2, writes.Count);
        Assert.Contains("\"cas\":0", writes[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"cas\":1", writes[1].Body, StringComparison.Ordinal);
        // Listing reads metadata only: no data read after the writes.
        Assert.DoesNotContain(vault.Requests, r => r.Method == "GET" && r.Path.StartsWith("secret/data/", StringComparison.Ordinal));
        Assert.DoesNotContain("VaultedSecret0123456789abcdef", created.Body + updated.Body + listed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sealed_Vault_is_SECRETS_UNAVAILABLE_and_nothing_is_lost()
    {
        var admin = TestTokens.Admin("acme");
        var before = await SecretsApi.CreateAsync(api, admin, "acme", SecretsApi.Alibaba("kept"));
        Assert.False(before.Json.TryGetProperty("errors", out _), before.Body);

        var readyBefore = (await api.SendAsync(HttpMethod.Get, "/readyz")).Json;
        vault.Seal();
        await Task.Delay(Recommender.Secrets.SecretStoreProbe.CheckEvery);
        var readySealed = (await api.SendAsync(HttpMethod.Get, "/readyz")).Json;
        var list = await api.PostAsync(SecretsApi.List, new { org = "acme" }, token: admin);
        var create = await SecretsApi.CreateAsync(api, admin, "acme", SecretsApi.Alibaba("during the outage"));
        vault.Unseal();
        var after = await api.PostAsync(SecretsApi.List, new { org = "acme" }, token: admin);

        Assert.Equal("SECRETS_UNAVAILABLE", list.ErrorCode);
        Assert.Equal("AVAILABLE", readyBefore.GetProperty("secretStore").GetProperty("state").GetString());
        Assert.Equal("DEGRADED", readySealed.GetProperty("status").GetString());
        Assert.Equal("Vault is sealed.", readySealed.GetProperty("secretStore").GetProperty("lastError").GetString());
        Assert.Equal("SECRETS_UNAVAILABLE", create.ErrorCode);
        Assert.Equal(["kept"], after.Data.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Provisioning_while_Vault_is_sealed_is_SECRETS_UNAVAILABLE_and_stores_no_operation()
    {
        var admin = TestTokens.Admin("acme");
        var secret = await SecretsApi.CreateAsync(api, admin, "acme", SecretsApi.Alibaba("for clusters"));
        var secretId = secret.Data.GetProperty("createSecret").GetProperty("id").GetString();
        var region = api.Catalog.Regions[0];
        var input = new
        {
            secretId,
            cluster = new { name = "sealed", region = region.Region.Id, zones = new[] { region.Region.Zones[0].Id } },
            layout = new { pools = new[] { new { name = "p", instanceTypes = new[] { region.InstanceTypes[0].Name }, nodeCount = 1 } } },
        };
        const string Provision = "mutation($org: ID!, $input: ProvisionClusterInput!) { provisionCluster(org: $org, input: $input) { id } }";

        vault.Seal();
        var refused = await api.PostAsync(Provision, new { org = "acme", input }, token: admin);
        vault.Unseal();
        var operations = await api.PostAsync("query($org: ID!) { operations(org: $org) { items { id } } }", new { org = "acme" }, token: admin);

        Assert.Equal("SECRETS_UNAVAILABLE", refused.ErrorCode);
        Assert.Equal(0, operations.Data.GetProperty("operations").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_Vault_that_keeps_failing_is_SECRETS_UNAVAILABLE_within_the_deadline()
    {
        var admin = TestTokens.Admin("acme");
        await api.PostAsync(SecretsApi.List, new { org = "acme" }, token: admin); // logged in
        vault.Faults.FailNext(503, count: 100);

        var r = await api.PostAsync(SecretsApi.List, new { org = "acme" }, token: admin);

        Assert.Equal("SECRETS_UNAVAILABLE", r.ErrorCode);
    }
}
