using System.Text.Json;
using Xunit.Abstractions;

namespace Recommender.Api.Tests.Identity;

/// <summary>
/// No field reads, lists, infers or touches another organisation's objects. The schema is read to find every field
/// that takes an organisation, so a new one fails here until it is attacked below too.
/// </summary>
public sealed class CrossOrganizationTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    /// <summary>Every root field with an <c>org</c> argument, and how it is attacked.</summary>
    private static readonly Dictionary<string, Func<string, string, (string Query, object Variables)>> Attacks = new(StringComparer.Ordinal)
    {
        ["Query.secrets"] = (org, _) => (SecretsApi.List, new { org }),
        ["Query.secret"] = (org, id) => (SecretsApi.Get, new { org, id }),
        ["Mutation.createSecret"] = (org, _) => (SecretsApi.Create, new { org, input = SecretsApi.Alibaba("victim key"), verify = false }),
        ["Mutation.updateSecret"] = (org, id) => (SecretsApi.Update, new { org, id, version = 1, input = SecretsApi.Alibaba("victim key", tags: ["pwned"]) }),
        ["Mutation.deleteSecret"] = (org, id) => (SecretsApi.Delete, new { org, id }),
        ["Query.operation"] = (org, id) => ("query($org: ID!, $id: ID!) { operation(org: $org, id: $id) { id } }", new { org, id }),
        ["Query.operations"] = (org, _) => ("query($org: ID!) { operations(org: $org) { items { id } } }", new { org }),
        ["Query.clusters"] = (org, _) => ("query($org: ID!) { clusters(org: $org) { clusterId } }", new { org }),
        ["Query.clusterNodes"] = (org, id) => ("query($org: ID!, $id: ID!) { clusterNodes(org: $org, clusterId: $id) { instanceId } }", new { org, id }),
        ["Query.clusterKubeconfig"] = (org, id) => ("query($org: ID!, $id: ID!) { clusterKubeconfig(org: $org, clusterId: $id) { config } }", new { org, id }),
        ["Mutation.provisionCluster"] = (org, id) => ("mutation($org: ID!, $id: ID!) { provisionCluster(org: $org, input: { secretId: $id, cluster: { name: \"c\", region: \"cn-test\" }, layout: { pools: [{ name: \"p\", instanceTypes: [\"ecs.g7.large\"], nodeCount: 1 }] } }) { id } }", new { org, id }),
        ["Mutation.applyLayout"] = (org, id) => ("mutation($org: ID!, $id: ID!) { applyLayout(org: $org, clusterId: $id, layout: { pools: [{ name: \"p\", instanceTypes: [\"ecs.g7.large\"], nodeCount: 1 }] }, dryRun: true) { plan { isEmpty } } }", new { org, id }),
        ["Mutation.deleteCluster"] = (org, id) => ("mutation($org: ID!, $id: ID!) { deleteCluster(org: $org, clusterId: $id) { id } }", new { org, id }),
        ["Mutation.retryOperation"] = (org, id) => ("mutation($org: ID!, $id: ID!) { retryOperation(org: $org, id: $id) { id } }", new { org, id }),
        ["Mutation.rollBackOperation"] = (org, id) => ("mutation($org: ID!, $id: ID!) { rollBackOperation(org: $org, id: $id) { id } }", new { org, id }),
        ["Query.recommendLayout"] = (org, _) => ("""query($org: ID!) { recommendLayout(org: $org, input: { region: "cn-test", cpu: 2, memoryGiB: 4 }) { id } }""", new { org }),
        ["Query.consultations"] = (org, _) => ("query($org: ID) { consultations(cluster: \"c1\", org: $org) { nodes { id } } }", new { org }),
    };

    /// <summary>
    /// Fields that list or create an organisation's objects rather than read one by id (step 2 does not apply).
    /// Provisioning's own ids are attacked with real operations and clusters in ProvisioningApiTests.
    /// </summary>
    private static readonly string[] Listings =
    [
        "Query.secrets", "Mutation.createSecret", "Query.consultations", "Query.recommendLayout", "Query.operations", "Query.clusters",
        "Mutation.provisionCluster",
    ];

    /// <summary>
    /// Fields whose organisation argument names what to grant, not what to read: issueDevelopmentToken mints a token
    /// for the embedded default under its own rules (never with a configured key, as here; see DevelopmentTokenIssuerTests).
    /// </summary>
    private static readonly string[] Grants = ["Mutation.issueDevelopmentToken"];

    [Fact]
    public async Task Every_organisation_field_is_attacked_here()
    {
        var r = await api.PostAsync("""
            { __schema { queryType { fields { name args { name } } } mutationType { fields { name args { name } } } } }
            """);

        var scoped = new List<string>();
        foreach (var (root, type) in new[] { ("Query", "queryType"), ("Mutation", "mutationType") })
        {
            scoped.AddRange(r.Data.GetProperty("__schema").GetProperty(type).GetProperty("fields").EnumerateArray()
                .Where(f => f.GetProperty("args").EnumerateArray().Any(a => a.GetProperty("name").GetString() is "org" or "organization"))
                .Select(f => $"{root}.{f.GetProperty("name").GetString()}"));
        }

        Assert.Equal(Attacks.Keys.Order(StringComparer.Ordinal), scoped.Except(Grants).Order(StringComparer.Ordinal));
        Assert.All(Grants, g => Assert.Contains(g, scoped));
    }

    [Fact]
    public async Task Another_organisations_objects_are_refused_through_every_field_and_stay_untouched()
    {
        var victim = $"victim-{Guid.NewGuid():N}"[..16];
        var attacker = $"evil-{Guid.NewGuid():N}"[..14];
        var created = await SecretsApi.CreateAsync(api, TestTokens.Admin(victim), victim, SecretsApi.Alibaba("victim key"));
        var id = created.Data.GetProperty("createSecret").GetProperty("id").GetString()!;
        var attackerToken = TestTokens.Admin(attacker, "mallory");
        var refused = 0;

        foreach (var (field, attack) in Attacks)
        {
            // 1. Naming the victim's organisation: FORBIDDEN, the same as for an organisation that does not exist.
            var (query, variables) = attack(victim, id);
            var direct = await api.PostAsync(query, variables, token: attackerToken);
            var (ghostQuery, ghostVariables) = attack("no-such-org", id);
            var ghost = await api.PostAsync(ghostQuery, ghostVariables, token: attackerToken);
            Assert.True(direct.ErrorCode == "FORBIDDEN", $"{field} on the victim's organisation: {direct}");
            Assert.Equal(Message(ghost).Replace("no-such-org", victim, StringComparison.Ordinal), Message(direct));
            AssertNoData(direct, field);
            refused++;

            // 2. The victim's id under the attacker's own organisation: not found (it is not theirs), never the victim's.
            if (!Listings.Contains(field))
            {
                var (ownQuery, ownVariables) = attack(attacker, id);
                var own = await api.PostAsync(ownQuery, ownVariables, token: attackerToken);
                Assert.True(own.ErrorCode == "NOT_FOUND", $"{field} with the victim's id in the attacker's organisation: {own}");
                refused++;
            }

            // 3. No token at all.
            var anonymous = await api.PostAsync(query, variables);
            Assert.True(anonymous.ErrorCode == "UNAUTHENTICATED", $"{field} anonymously: {anonymous}");
            refused++;
        }

        var list = await api.PostAsync(SecretsApi.List, new { org = attacker }, token: attackerToken);
        Assert.Equal(0, list.Data.GetProperty("secrets").GetArrayLength());
        var after = await api.PostAsync(SecretsApi.Get, new { org = victim, id }, token: TestTokens.Member(victim));
        Assert.Equal(created.Data.GetProperty("createSecret").GetRawText(), after.Data.GetProperty("secret").GetRawText());
        output.WriteLine($"{refused} cross-organisation and anonymous attempts over {Attacks.Count} fields, all refused.");
        Assert.Equal((Attacks.Count * 2) + (Attacks.Count - Listings.Length), refused);
    }

    [Fact]
    public async Task Organisation_ids_that_are_not_ids_are_refused_before_any_read()
    {
        var token = TestTokens.Admin("acme");
        foreach (var org in new[] { "../acme", "acme/../../etc", "ACME", "", "acme\u0000", new string('a', 300) })
        {
            var r = await api.PostAsync(SecretsApi.List, new { org }, token: token);

            Assert.True(r.ErrorCode == "FORBIDDEN", $"'{org}': {r}");
        }
    }

    private static string Message(GraphQLResponse r) => r.FirstError.GetProperty("message").GetString()!;

    private static void AssertNoData(GraphQLResponse r, string field)
    {
        if (r.HasData && r.Data.ValueKind == JsonValueKind.Object)
        {
            var name = field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..];
            Assert.True(!r.Data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null, $"{field} answered data: {r}");
        }
    }
}
