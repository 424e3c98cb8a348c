using System.Text.Json;
using Recommender.Api.Tests.Identity;

namespace Recommender.Api.Tests.Provisioning;

/// <summary>Recommend, then provision, through GraphQL only: the real runner, CS client and SQLite store against emulated ACK.</summary>
public sealed class ProvisioningApiTests(ProvisioningApiFixture fixture) : IClassFixture<ProvisioningApiFixture>
{
    private const string OperationFields = "id organization kind state secretId clusterId failedStep steps { name state nodePool attempts clusterId nodePoolId taskId vendorCode vendorMessage }";
    private const string Provision = $$"""
        mutation($org: ID!, $input: ProvisionClusterInput!, $key: String) {
          provisionCluster(org: $org, input: $input, idempotencyKey: $key) { {{OperationFields}} }
        }
        """;
    private const string ReadOperation = $$"""query($org: ID!, $id: ID!) { operation(org: $org, id: $id) { {{OperationFields}} } }""";
    private const string Recommend = """
        query($org: ID!) { recommendLayout(org: $org, input: { region: "cn-hangzhou", cpu: 24, memoryGiB: 48 }) {
          id layouts { hourlyPrice nodeCount pools { instanceTypeName capacityType nodeCount unitPrice } } } }
        """;

    private ApiFactory Api => fixture.Api;

    [Fact]
    public async Task A_recommendation_becomes_a_running_cluster_that_can_be_read_resized_and_deleted()
    {
        var org = NewOrg();
        var admin = TestTokens.Admin(org);
        var secretId = await AddSecretAsync(org, admin);
        var recommended = (await Api.PostAsync(Recommend, new { org }, token: admin)).Data.GetProperty("recommendLayout");
        var layout = recommended.GetProperty("layouts")[0];

        var started = await Api.PostAsync(Provision, new
        {
            org,
            key = "ci-run-1",
            input = new { secretId, recommendationId = recommended.GetProperty("id").GetString(), cluster = new { name = $"c-{org}", region = ProvisioningApiFixture.Region } },
        }, token: admin);
        var operation = started.Data.GetProperty("provisionCluster");
        Assert.Equal("CREATE_CLUSTER", operation.GetProperty("kind").GetString());
        var id = operation.GetProperty("id").GetString()!;
        var again = await Api.PostAsync(Provision, new
        {
            org,
            key = "ci-run-1",
            input = new { secretId, recommendationId = recommended.GetProperty("id").GetString(), cluster = new { name = $"c-{org}", region = ProvisioningApiFixture.Region } },
        }, token: admin);
        Assert.Equal(id, again.Data.GetProperty("provisionCluster").GetProperty("id").GetString());

        var done = await FinishedAsync(org, id, admin);
        Assert.True(done.GetProperty("state").GetString() == "SUCCEEDED", done.ToString());
        var clusterId = done.GetProperty("clusterId").GetString()!;
        var pools = layout.GetProperty("pools").GetArrayLength();
        Assert.Equal(pools, done.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("name").GetString() == "CreateClusterNodePool"));

        var clusters = (await Api.PostAsync("query($org: ID!) { clusters(org: $org) { clusterId state hourlyPrice nodeCount operationId } }", new { org }, token: TestTokens.Member(org)))
            .Data.GetProperty("clusters");
        var cluster = Assert.Single(clusters.EnumerateArray());
        Assert.Equal(clusterId, cluster.GetProperty("clusterId").GetString());
        Assert.Equal("running", cluster.GetProperty("state").GetString());
        Assert.Equal(layout.GetProperty("hourlyPrice").GetDecimal(), cluster.GetProperty("hourlyPrice").GetDecimal());

        var nodes = (await Api.PostAsync("query($org: ID!, $c: ID!) { clusterNodes(org: $org, clusterId: $c) { instanceId role nodePoolName instanceType } }", new { org, c = clusterId }, token: admin))
            .Data.GetProperty("clusterNodes").EnumerateArray().Where(n => n.GetProperty("role").GetString() == "Worker").ToList();
        Assert.Equal(layout.GetProperty("nodeCount").GetInt32(), nodes.Count);

        var kubeconfig = await Api.PostAsync("query($org: ID!, $c: ID!) { clusterKubeconfig(org: $org, clusterId: $c) { config expiresAt } }", new { org, c = clusterId }, token: admin);
        Assert.Contains("apiVersion", kubeconfig.Data.GetProperty("clusterKubeconfig").GetProperty("config").GetString(), StringComparison.Ordinal);
        var asMember = await Api.PostAsync("query($org: ID!, $c: ID!) { clusterKubeconfig(org: $org, clusterId: $c) { config } }", new { org, c = clusterId }, token: TestTokens.Member(org));
        Assert.Equal("FORBIDDEN", asMember.ErrorCode);

        // One more node in the first pool: a dry run prices it and starts nothing.
        var first = layout.GetProperty("pools")[0];
        var plan = await Api.PostAsync("""
            mutation($org: ID!, $c: ID!, $layout: LayoutInput!) { applyLayout(org: $org, clusterId: $c, layout: $layout, dryRun: true) {
              plan { hourlyPriceChange changes { kind name fromCount toCount } } operation { id } } }
            """, new { org, c = clusterId, layout = new { pools = new[] { new {
                name = PoolName(first), instanceTypes = new[] { first.GetProperty("instanceTypeName").GetString() },
                nodeCount = first.GetProperty("nodeCount").GetInt32() + 1, capacityType = first.GetProperty("capacityType").GetString() } } } }, token: admin);
        var applied = plan.Data.GetProperty("applyLayout");
        Assert.Equal(JsonValueKind.Null, applied.GetProperty("operation").ValueKind);
        Assert.Equal(first.GetProperty("unitPrice").GetDecimal(), applied.GetProperty("plan").GetProperty("hourlyPriceChange").GetDecimal());
        Assert.Contains(applied.GetProperty("plan").GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "SCALE");

        var deleting = await Api.PostAsync($$"""mutation($org: ID!, $c: ID!) { deleteCluster(org: $org, clusterId: $c) { {{OperationFields}} } }""", new { org, c = clusterId }, token: admin);
        var deleted = await FinishedAsync(org, deleting.Data.GetProperty("deleteCluster").GetProperty("id").GetString()!, admin);
        Assert.Equal("SUCCEEDED", deleted.GetProperty("state").GetString());
        var after = await Api.PostAsync("query($org: ID!) { clusters(org: $org) { clusterId } }", new { org }, token: admin);
        Assert.Equal(0, after.Data.GetProperty("clusters").GetArrayLength());
    }

    [Fact]
    public async Task Another_organisations_operations_clusters_recommendations_and_secrets_are_not_found()
    {
        var victim = NewOrg();
        var victimToken = TestTokens.Admin(victim);
        var secretId = await AddSecretAsync(victim, victimToken);
        var started = await Api.PostAsync(Provision, new
        {
            org = victim,
            input = new { secretId, cluster = new { name = "victim", region = ProvisioningApiFixture.Region, zones = new[] { fixture.CatalogRegion.Region.Zones[0].Id } }, layout = OnePool() },
        }, token: victimToken);
        var operationId = started.Data.GetProperty("provisionCluster").GetProperty("id").GetString()!;
        var clusterId = (await FinishedAsync(victim, operationId, victimToken)).GetProperty("clusterId").GetString()!;
        var recommendationId = (await Api.PostAsync(Recommend, new { org = victim }, token: victimToken)).Data.GetProperty("recommendLayout").GetProperty("id").GetString();

        var attacker = NewOrg();
        var token = TestTokens.Admin(attacker, "mallory");
        await AddSecretAsync(attacker, token, "attackers-own");
        var attempts = new (string Query, object Variables)[]
        {
            (ReadOperation, new { org = attacker, id = operationId }),
            ("query($org: ID!, $c: ID!) { clusterNodes(org: $org, clusterId: $c) { instanceId } }", new { org = attacker, c = clusterId }),
            ("query($org: ID!, $c: ID!) { clusterKubeconfig(org: $org, clusterId: $c) { config } }", new { org = attacker, c = clusterId }),
            ("mutation($org: ID!, $c: ID!) { deleteCluster(org: $org, clusterId: $c) { id } }", new { org = attacker, c = clusterId }),
            ("mutation($org: ID!, $c: ID!, $l: LayoutInput!) { applyLayout(org: $org, clusterId: $c, layout: $l, dryRun: true) { plan { isEmpty } } }", new { org = attacker, c = clusterId, l = OnePool() }),
            ("mutation($org: ID!, $id: ID!) { retryOperation(org: $org, id: $id) { id } }", new { org = attacker, id = operationId }),
            ("mutation($org: ID!, $id: ID!) { rollBackOperation(org: $org, id: $id) { id } }", new { org = attacker, id = operationId }),
            (Provision, new { org = attacker, input = new { secretId, cluster = new { name = "stolen", region = ProvisioningApiFixture.Region, zones = new[] { fixture.CatalogRegion.Region.Zones[0].Id } }, layout = OnePool() } }),
            (Provision, new { org = attacker, input = new { secretId, recommendationId, cluster = new { name = "stolen", region = ProvisioningApiFixture.Region } } }),
        };

        foreach (var (query, variables) in attempts)
        {
            var r = await Api.PostAsync(query, variables, token: token);
            Assert.True(r.Json.TryGetProperty("errors", out _) && r.ErrorCode == "NOT_FOUND", $"{query}: {r}");
        }

        var theirs = await Api.PostAsync("query($org: ID!) { clusters(org: $org) { clusterId } operations(org: $org) { items { id } } }", new { org = attacker }, token: token);
        Assert.Equal(0, theirs.Data.GetProperty("clusters").GetArrayLength());
        Assert.Equal(0, theirs.Data.GetProperty("operations").GetProperty("items").GetArrayLength());
        var victims = await Api.PostAsync("query($org: ID!) { clusters(org: $org) { clusterId state } }", new { org = victim }, token: victimToken);
        Assert.Equal("running", Assert.Single(victims.Data.GetProperty("clusters").EnumerateArray()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_scale_out_of_a_created_cluster_and_its_decision_log_belong_to_the_organisation_that_created_it()
    {
        var owner = NewOrg();
        var ownerToken = TestTokens.Admin(owner);
        var secretId = await AddSecretAsync(owner, ownerToken);
        var started = await Api.PostAsync(Provision, new
        {
            org = owner,
            input = new { secretId, cluster = new { name = "scaled", region = ProvisioningApiFixture.Region, zones = new[] { fixture.CatalogRegion.Region.Zones[0].Id } }, layout = OnePool() },
        }, token: ownerToken);
        var clusterId = (await FinishedAsync(owner, started.Data.GetProperty("provisionCluster").GetProperty("id").GetString()!, ownerToken))
            .GetProperty("clusterId").GetString()!;
        const string ScaleOut = "query($input: ScaleOutRequest!) { recommendScaleOut(input: $input) { status } }";
        const string Log = "query($c: String!, $org: ID) { consultations(cluster: $c, org: $org) { edges { node { organization cluster kind } } } }";
        object Input(string? org) => new
        {
            region = ProvisioningApiFixture.Region,
            clusterId,
            organization = org,
            pools = new[] { new { name = "workers", instanceType = fixture.CatalogRegion.InstanceTypes[0].Name, nodeCount = 1, canGrow = true, maxSize = 20 } },
            cpu = 2,
        };

        var outsider = NewOrg();
        var outsiderToken = TestTokens.Admin(outsider, "mallory");
        Assert.Equal("UNAUTHENTICATED", (await Api.PostAsync(ScaleOut, new { input = Input(null) })).ErrorCode);
        Assert.Equal("FORBIDDEN", (await Api.PostAsync(ScaleOut, new { input = Input(null) }, token: outsiderToken)).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Api.PostAsync(ScaleOut, new { input = Input(outsider) }, token: outsiderToken)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Api.PostAsync(Log, new { c = clusterId })).ErrorCode);
        Assert.Equal("FORBIDDEN", (await Api.PostAsync(Log, new { c = clusterId }, token: outsiderToken)).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Api.PostAsync(Log, new { c = clusterId, org = outsider }, token: outsiderToken)).ErrorCode);

        // A member of the owner, naming the organisation or not: answered, and logged under the owner.
        var member = TestTokens.Member(owner);
        Assert.Equal(JsonValueKind.String, (await Api.PostAsync(ScaleOut, new { input = Input(null) }, token: member)).Data.GetProperty("recommendScaleOut").GetProperty("status").ValueKind);
        Assert.Equal(JsonValueKind.String, (await Api.PostAsync(ScaleOut, new { input = Input(owner) }, token: member)).Data.GetProperty("recommendScaleOut").GetProperty("status").ValueKind);
        var entries = (await Api.PostAsync(Log, new { c = clusterId }, token: member)).Data.GetProperty("consultations").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(owner, e.GetProperty("node").GetProperty("organization").GetString()));
        Assert.Equal(2, (await Api.PostAsync(Log, new { c = clusterId, org = owner }, token: member)).Data.GetProperty("consultations").GetProperty("edges").GetArrayLength());

        // A label the service never provisioned stays anonymous.
        var label = $"c-{Guid.NewGuid():N}";
        Assert.Equal(JsonValueKind.String, (await Api.PostAsync(ScaleOut, new { input = new { region = ProvisioningApiFixture.Region, clusterId = label, pools = Array.Empty<object>(), cpu = 2 } }))
            .Data.GetProperty("recommendScaleOut").GetProperty("status").ValueKind);
        Assert.Equal(1, (await Api.PostAsync(Log, new { c = label })).Data.GetProperty("consultations").GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_the_field_before_anything_is_stored()
    {
        var org = NewOrg();
        var admin = TestTokens.Admin(org);
        var secretId = await AddSecretAsync(org, admin);
        var anonymousId = (await Api.PostAsync("""{ recommendLayout(input: { region: "cn-hangzhou", cpu: 4, memoryGiB: 8 }) { id } }""")).Data
            .GetProperty("recommendLayout").GetProperty("id").GetString();
        var cluster = new { name = "c1", region = ProvisioningApiFixture.Region, zones = new[] { fixture.CatalogRegion.Region.Zones[0].Id } };
        var cases = new (object Input, string Code, string Argument)[]
        {
            (new { secretId, cluster }, "BAD_USER_INPUT", "input.recommendationId"),
            (new { secretId, cluster, recommendationId = anonymousId }, "BAD_USER_INPUT", "input.recommendationId"),
            (new { secretId, cluster, recommendationId = anonymousId, layout = OnePool() }, "BAD_USER_INPUT", "input.recommendationId"),
            (new { secretId, cluster = new { name = "bad name!", region = ProvisioningApiFixture.Region, zones = cluster.zones }, layout = OnePool() }, "BAD_USER_INPUT", "input.cluster.name"),
            (new { secretId, cluster, layout = OnePool(count: -1) }, "BAD_USER_INPUT", "input.layout.pools[0].nodeCount"),
            (new { secretId, cluster, layout = OnePool(type: "ecs.no-such-type") }, "TYPE_UNAVAILABLE", ""),
            (new { secretId = new string('a', 64), cluster, layout = OnePool() }, "NOT_FOUND", ""),
            (new { secretId = "not-a-secret-id", cluster, layout = OnePool() }, "BAD_USER_INPUT", "input.secretId"),
        };

        foreach (var (input, code, argument) in cases)
        {
            var r = await Api.PostAsync(Provision, new { org, input }, token: admin);
            Assert.True(r.ErrorCode == code, $"{JsonSerializer.Serialize(input)}: {r}");
            if (argument.Length > 0)
            {
                Assert.Equal(argument, r.FirstError.GetProperty("extensions").GetProperty("argument").GetString());
            }
        }

        var member = await Api.PostAsync(Provision, new { org, input = new { secretId, cluster, layout = OnePool() } }, token: TestTokens.Member(org));
        Assert.Equal("FORBIDDEN", member.ErrorCode);
        var listed = await Api.PostAsync("query($org: ID!) { operations(org: $org) { items { id } } }", new { org }, token: admin);
        Assert.Equal(0, listed.Data.GetProperty("operations").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pipelines_create_cluster_call_makes_a_dedicated_cluster_through_the_same_operation()
    {
        var org = NewOrg();
        var admin = TestTokens.Admin(org);
        var secretId = await AddSecretAsync(org, admin);
        var type = fixture.CatalogRegion.InstanceTypes[0].Name;
        var body = new
        {
            name = "from-pipeline",
            location = ProvisioningApiFixture.Region,
            secretId,
            properties = new
            {
                acsk = new
                {
                    regionId = ProvisioningApiFixture.Region,
                    zoneId = fixture.CatalogRegion.Region.Zones[0].Id,
                    masterInstanceType = type,
                    masterSystemDiskCategory = "cloud_essd",
                    nodePools = new Dictionary<string, object> { ["pool1"] = new { count = 2, instanceType = type, systemDiskCategory = "cloud_essd" } },
                },
            },
        };

        var accepted = await PostPipelineAsync(org, body, admin, idempotencyKey: "pipeline-1");
        var repeated = await PostPipelineAsync(org, body, admin, idempotencyKey: "pipeline-1");

        Assert.Equal(202, accepted.Status);
        var id = accepted.Json.GetProperty("operationId").GetString()!;
        Assert.Equal(id, repeated.Json.GetProperty("operationId").GetString());
        var done = await FinishedAsync(org, id, admin);
        Assert.True(done.GetProperty("state").GetString() == "SUCCEEDED", done.ToString());
        var input = JsonDocument.Parse((await Api.PostAsync("query($org: ID!, $id: ID!) { operation(org: $org, id: $id) { input } }", new { org, id }, token: admin))
            .Data.GetProperty("operation").GetProperty("input").GetString()!).RootElement;
        Assert.Equal("Dedicated", input.GetProperty("cluster").GetProperty("kind").GetString());
        var nodes = (await Api.PostAsync("query($org: ID!, $c: ID!) { clusterNodes(org: $org, clusterId: $c) { role } }", new { org, c = done.GetProperty("clusterId").GetString() }, token: admin))
            .Data.GetProperty("clusterNodes").EnumerateArray().ToList();
        Assert.Equal(3, nodes.Count(n => n.GetProperty("role").GetString() == "Master"));
        Assert.Equal(2, nodes.Count(n => n.GetProperty("role").GetString() == "Worker"));
    }

    [Fact]
    public async Task Pipelines_call_answers_errors_as_typed_json_with_their_status()
    {
        var org = NewOrg();
        var admin = TestTokens.Admin(org);
        var secretId = await AddSecretAsync(org, admin);
        var noPools = new { name = "p", secretId, properties = new { acsk = new { regionId = ProvisioningApiFixture.Region, zoneId = fixture.CatalogRegion.Region.Zones[0].Id } } };

        var anonymous = await PostPipelineAsync(org, noPools, token: null);
        var member = await PostPipelineAsync(org, noPools, TestTokens.Member(org));
        var invalid = await PostPipelineAsync(org, noPools, admin);
        var garbage = await PostRawAsync(org, "{ not json", admin);
        var unknownSecret = await PostPipelineAsync(org, new
        {
            name = "p", secretId = new string('b', 64),
            properties = new { acsk = new { regionId = ProvisioningApiFixture.Region, zoneId = fixture.CatalogRegion.Region.Zones[0].Id,
                nodePools = new Dictionary<string, object> { ["a"] = new { count = 1, instanceType = fixture.CatalogRegion.InstanceTypes[0].Name } } } },
        }, admin);

        Assert.Equal((401, "UNAUTHENTICATED"), (anonymous.Status, Code(anonymous)));
        Assert.Equal((403, "FORBIDDEN"), (member.Status, Code(member)));
        Assert.Equal((400, "BAD_USER_INPUT"), (invalid.Status, Code(invalid)));
        Assert.Equal("properties.acsk.nodePools", invalid.Json.GetProperty("argument").GetString());
        Assert.Equal((400, "BAD_USER_INPUT"), (garbage.Status, Code(garbage)));
        Assert.Equal((404, "NOT_FOUND"), (unknownSecret.Status, Code(unknownSecret)));
    }

    [Fact]
    public async Task The_provisioning_examples_run_in_order_as_shipped()
    {
        var folder = Path.Combine(RepositoryPaths.Operations, "provisioning");
        Assert.Equal(
            ["apply-layout.graphql", "clusters.graphql", "delete-cluster.graphql", "operation.graphql", "provision-cluster.graphql"],
            Directory.GetFiles(folder, "*.graphql").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var admin = TestTokens.Admin("acme");
        var secretId = await AddSecretAsync("acme", admin, "examples");
        var recommendationId = (await Api.PostAsync(Recommend, new { org = "acme" }, token: admin)).Data.GetProperty("recommendLayout").GetProperty("id").GetString();
        async Task<JsonElement> Run(string file, object variables)
        {
            var r = await Api.PostAsync(await File.ReadAllTextAsync(Path.Combine(folder, file)), variables, token: admin);
            Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), $"{file}: {r}");
            return r.Data;
        }

        var started = (await Run("provision-cluster.graphql", new { secretId, recommendationId })).GetProperty("provisionCluster");
        var id = started.GetProperty("id").GetString()!;
        await FinishedAsync("acme", id, admin);
        var operation = (await Run("operation.graphql", new { id })).GetProperty("operation");
        var clusterId = operation.GetProperty("clusterId").GetString()!;
        var clusters = await Run("clusters.graphql", new { });
        var plan = await Run("apply-layout.graphql", new { clusterId, pools = new[] { new { name = "extra", instanceTypes = new[] { fixture.CatalogRegion.InstanceTypes[0].Name }, nodeCount = 1 } } });
        var deleting = await Run("delete-cluster.graphql", new { clusterId });

        Assert.Equal("SUCCEEDED", operation.GetProperty("state").GetString());
        Assert.Contains(clusters.GetProperty("clusters").EnumerateArray(), c => c.GetProperty("clusterId").GetString() == clusterId);
        Assert.Contains(plan.GetProperty("applyLayout").GetProperty("plan").GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "CREATE");
        Assert.Equal("DELETE_CLUSTER", deleting.GetProperty("deleteCluster").GetProperty("kind").GetString());
    }

    private static string? Code(GraphQLResponse r) => r.Json.GetProperty("code").GetString();

    private Task<GraphQLResponse> PostPipelineAsync(string org, object body, string? token, string? idempotencyKey = null) =>
        PostRawAsync(org, JsonSerializer.Serialize(body), token, idempotencyKey);

    private async Task<GraphQLResponse> PostRawAsync(string org, string body, string? token, string? idempotencyKey = null)
    {
        using var client = Api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orgs/{org}/clusters")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType, await response.Content.ReadAsStringAsync());
    }

    private object OnePool(int count = 1, string? type = null) => new
    {
        pools = new[] { new { name = "workers", instanceTypes = new[] { type ?? fixture.CatalogRegion.InstanceTypes[0].Name }, nodeCount = count } },
    };

    private static string PoolName(JsonElement pool)
    {
        var type = pool.GetProperty("instanceTypeName").GetString()!;
        var name = new string([.. type[4..].Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
        return $"{name}-{(pool.GetProperty("capacityType").GetString() == "SPOT" ? "spot" : "on-demand")}";
    }

    /// <summary>Secret ids are the SHA-256 of the name: organisations using the same name get the same id, each its own secret.</summary>
    private async Task<string> AddSecretAsync(string org, string token, string name = "prod")
    {
        var r = await SecretsApi.CreateAsync(Api, token, org, SecretsApi.Alibaba(name, ProvisioningApiFixture.KeyId, ProvisioningApiFixture.KeySecret));
        return r.Data.GetProperty("createSecret").GetProperty("id").GetString()!;
    }

    /// <summary>Polls the operation until it is no longer being worked on; the cap only bounds a broken test.</summary>
    private async Task<JsonElement> FinishedAsync(string org, string id, string token)
    {
        using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var operation = (await Api.PostAsync(ReadOperation, new { org, id }, token: token)).Data.GetProperty("operation");
            if (operation.GetProperty("state").GetString() is not ("PENDING" or "RUNNING" or "ROLLING_BACK"))
            {
                return operation;
            }

            Assert.False(cap.IsCancellationRequested, $"Operation {id} never finished: {operation}");
            await Task.Delay(50);
        }
    }

    private static string NewOrg() => $"org-{Guid.NewGuid():N}"[..20];
}
