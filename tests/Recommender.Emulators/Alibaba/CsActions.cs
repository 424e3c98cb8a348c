using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// The CS (ACK) API subset (contract §4) on the emulator's clock: clusters, tasks, kubeconfig here; node pools and nodes
/// in <see cref="CsNodePoolActions"/>. Bodies are validated as strictly as the SDK models read them (<see cref="CsBody"/>).
/// </summary>
internal sealed class CsActions
{
    private static readonly string[] ClusterTypes = ["ManagedKubernetes", "Kubernetes", "ExternalKubernetes"];

    private readonly CsCloud cloud;
    private readonly EmulatorFaults faults;
    private readonly CsNodePoolActions pools;

    public CsActions(CsCloud cloud, EmulatorFaults faults)
    {
        this.cloud = cloud;
        this.faults = faults;
        pools = new CsNodePoolActions(cloud, faults);
    }

    /// <summary>Answers <paramref name="route"/>: HTTP status and body (request id included where CS sends one).</summary>
    public (int Status, JsonObject Body) Handle(CsRoute route, IReadOnlyDictionary<string, string> query, byte[] body, string requestId)
    {
        lock (cloud.Gate)
        {
            var now = cloud.Now;
            var (status, answer) = route.Action switch
            {
                "CreateCluster" => (200, CreateCluster(CsBody.Parse(body), now)),
                "DescribeClusterDetail" => (200, cloud.Cluster(route.ClusterId!, now).ToJson(now)),
                "DescribeClustersV1" => (200, DescribeClusters(query, now)),
                "DeleteCluster" => (cloud.Timings.DeleteClusterStatus, DeleteCluster(route.ClusterId!, now)),
                "DescribeTaskInfo" => (200, cloud.Task(route.TaskId!).ToJson(now)),
                "DescribeClusterUserKubeconfig" => (200, Kubeconfig(cloud.Cluster(route.ClusterId!, now), query, now)),
                _ => pools.Handle(route, query, body, now),
            };
            if (answer.ContainsKey("task_id") && route.Action != "DescribeTaskInfo")
            {
                answer["request_id"] = requestId;
            }

            return (status, answer);
        }
    }

    private JsonObject CreateCluster(JsonObject spec, DateTimeOffset now)
    {
        var poolSpecs = Validate(spec);
        var fails = faults.Find("CreateCluster")?.TakeTaskFailure() == true;
        var readyAt = now + cloud.Timings.Scaled(cloud.Timings.ClusterCreate);
        var cluster = new CsCluster(CsJson.NewId("c", 32), (JsonObject)spec.DeepClone(), now, readyAt, fails);
        var masterTypes = CsBody.OptionalStrings(spec, "master_instance_types") ?? [];
        for (var i = 0; i < masterTypes.Count; i++)
        {
            cluster.AddMaster(new CsNode
            {
                InstanceId = CsJson.NewId("i-", 20),
                InstanceType = masterTypes[i],
                Role = "Master",
                IpAddress = $"192.168.255.{i + 2}",
                CreatedAt = now,
                ReadyAt = readyAt,
                Fails = fails,
            });
        }

        foreach (var poolSpec in poolSpecs)
        {
            pools.AddPool(cluster, poolSpec, now, fails);
        }

        cloud.Add(cluster);
        var failure = fails ? faults.Find("CreateCluster")!.TaskFailureCode : null;
        var task = cloud.AddTask("cluster_create", cluster.Id, cluster.Id, "cluster", now, readyAt, failure);
        return new JsonObject { ["cluster_id"] = cluster.Id, ["task_id"] = task.Id };
    }

    /// <summary>The CreateCluster rules of contract §4.1 (managed, dedicated with 3 or 5 masters); returns the node pools to create.</summary>
    private IReadOnlyList<JsonObject> Validate(JsonObject spec)
    {
        var name = CsBody.RequireString(spec, "name");
        if (name.Length > 63)
        {
            throw CsErrors.Invalid("name", "at most 63 characters.");
        }

        var region = CsBody.RequireString(spec, "region_id");
        if (!cloud.Catalog.Regions.ContainsKey(region))
        {
            throw CsErrors.Invalid("region_id", $"the region {region} is not served.");
        }

        var type = CsBody.OptionalOneOf(spec, "cluster_type", string.Empty, ClusterTypes) ?? throw CsErrors.Missing("cluster_type");
        CsBody.OptionalOneOf(spec, "profile", string.Empty, "Default", "Edge", "Serverless", "Lingjun");
        CsBody.OptionalOneOf(spec, "cluster_spec", string.Empty, "ack.pro.small", "ack.standard");
        CsBody.OptionalOneOf(spec, "proxy_mode", string.Empty, "iptables", "ipvs");
        CsBody.OptionalOneOf(spec, "ip_stack", string.Empty, "ipv4", "dual");
        foreach (var flag in (string[])["snat_entry", "endpoint_public_access", "deletion_protection", "disable_rollback", "is_enterprise_security_group"])
        {
            CsBody.OptionalBool(spec, flag);
        }

        foreach (var text in (string[])["kubernetes_version", "container_cidr", "service_cidr", "node_cidr_mask", "security_group_id", "resource_group_id", "timezone"])
        {
            CsBody.OptionalString(spec, text);
        }

        CsBody.OptionalInt(spec, "timeout_mins", string.Empty, 1, 10_000);
        foreach (var tag in CsBody.OptionalObjects(spec, "tags"))
        {
            CsBody.RequireString(tag, "key", "tags[].");
            CsBody.OptionalString(tag, "value", "tags[].");
        }

        foreach (var addon in CsBody.OptionalObjects(spec, "addons"))
        {
            CsBody.RequireString(addon, "name", "addons[].");
            CsBody.OptionalString(addon, "config", "addons[].");
            CsBody.OptionalBool(addon, "disabled", "addons[].");
        }

        if (type != "ExternalKubernetes" && spec["vpcid"] is null && spec["vswitch_ids"] is null && spec["master_vswitch_ids"] is null)
        {
            CreateNetwork(spec, region);
        }

        if (type != "ExternalKubernetes")
        {
            CsBody.RequireString(spec, "vpcid");
        }

        if (type == "ManagedKubernetes")
        {
            CsBody.RequireStrings(spec, "vswitch_ids");
        }
        else if (type == "Kubernetes")
        {
            ValidateMasters(spec);
        }

        var nodepools = CsBody.OptionalObjects(spec, "nodepools");
        foreach (var pool in nodepools)
        {
            CsNodePoolActions.Validate(pool, "nodepools[].");
        }

        return nodepools;
    }

    /// <summary>
    /// No VPC named: ACK creates one with a vSwitch per zone (the console's "create VPC" choice; Pipeline's bodies name
    /// none). The created ids are written into the spec, so the cluster reports them like given ones.
    /// </summary>
    private static void CreateNetwork(JsonObject spec, string region)
    {
        var zones = CsBody.OptionalStrings(spec, "zone_ids") is { Count: > 0 } given ? given : [$"{region}-a"];
        var vswitches = zones.Select(_ => CsJson.NewId("vsw-", 20)).ToList();
        spec["vpcid"] = CsJson.NewId("vpc-", 20);
        spec["vswitch_ids"] = new JsonArray([.. vswitches.Select(v => (JsonNode)v)]);
        if (spec["master_count"] is JsonValue count && count.TryGetValue<int>(out var masters) && masters is > 0 and <= 5)
        {
            spec["master_vswitch_ids"] = new JsonArray([.. Enumerable.Range(0, masters).Select(i => (JsonNode)vswitches[i % vswitches.Count])]);
        }
    }

    /// <summary>Dedicated clusters: <c>master_count</c> 3 or 5, one instance type and one vSwitch per master.</summary>
    private static void ValidateMasters(JsonObject spec)
    {
        var count = CsBody.OptionalInt(spec, "master_count", string.Empty, 3, 5) ?? throw CsErrors.Missing("master_count");
        if (count == 4)
        {
            throw CsErrors.Invalid("master_count", "3 or 5 masters.");
        }

        foreach (var list in (string[])["master_instance_types", "master_vswitch_ids"])
        {
            if (CsBody.RequireStrings(spec, list).Count != count)
            {
                throw CsErrors.Invalid(list, $"one entry per master ({count}) is expected.");
            }
        }

        CsBody.OptionalString(spec, "master_system_disk_category");
        CsBody.OptionalInt(spec, "master_system_disk_size", string.Empty, 20, 2048);
        CsBody.OptionalOneOf(spec, "master_instance_charge_type", string.Empty, "PostPaid", "PrePaid");
    }

    /// <summary>DescribeClustersV1: <c>name</c> matches as a substring, <c>page_size</c> 1–100 (default 10).</summary>
    private JsonObject DescribeClusters(IReadOnlyDictionary<string, string> query, DateTimeOffset now)
    {
        var (number, size) = CsJson.Paging(query, "page_number", "page_size", 10, 100);
        IEnumerable<CsCluster> found = cloud.Clusters(now);
        if (query.TryGetValue("name", out var name) && name.Length > 0)
        {
            found = found.Where(c => c.Name.Contains(name, StringComparison.Ordinal));
        }

        foreach (var (param, field) in new[] { ("cluster_type", (Func<CsCluster, string>)(c => c.ClusterType)), ("region_id", c => c.Region), ("cluster_id", c => c.Id) })
        {
            if (query.TryGetValue(param, out var wanted) && wanted.Length > 0)
            {
                found = found.Where(c => string.Equals(field(c), wanted, StringComparison.Ordinal));
            }
        }

        var all = found.ToList();
        return new JsonObject
        {
            ["clusters"] = new JsonArray([.. all.Skip((number - 1) * size).Take(size).Select(c => (JsonNode)c.ToJson(now))]),
            ["page_info"] = CsJson.Page(number, size, all.Count),
        };
    }

    private JsonObject DeleteCluster(string clusterId, DateTimeOffset now)
    {
        var cluster = cloud.Cluster(clusterId, now);
        var state = cluster.StateAt(now);
        if (state == "deleting" || cluster.DeletionProtection)
        {
            throw CsErrors.WrongState($"cluster {clusterId}", cluster.DeletionProtection ? "protected from deletion" : state, "DeleteCluster");
        }

        var goneAt = cluster.Delete(now, cloud.Timings);
        var task = cloud.AddTask("cluster_delete", cluster.Id, cluster.Id, "cluster", now, goneAt, null);
        return new JsonObject { ["cluster_id"] = cluster.Id, ["task_id"] = task.Id };
    }

    /// <summary>A kubeconfig of a running cluster; <c>TemporaryDurationMinutes</c> 15–4320, otherwise valid for three years.</summary>
    private static JsonObject Kubeconfig(CsCluster cluster, IReadOnlyDictionary<string, string> query, DateTimeOffset now)
    {
        var minutes = CsJson.QueryInt(query, "TemporaryDurationMinutes", 3 * 365 * 24 * 60, 15, 4320);

        var priv = query.GetValueOrDefault("PrivateIpAddress", "false");
        if (priv is not ("true" or "false"))
        {
            throw CsErrors.Invalid("PrivateIpAddress", "true or false.");
        }

        if (cluster.StateAt(now) != "running")
        {
            throw CsErrors.WrongState($"cluster {cluster.Id}", cluster.StateAt(now), "DescribeClusterUserKubeconfig");
        }

        var server = priv == "true" ? "https://192.168.0.1:6443" : $"https://{cluster.Id}.{cluster.Region}.emulator.invalid:6443";
        var user = $"emulator-user-{cluster.Id[1..9]}";
        var fake = Convert.ToBase64String(Encoding.UTF8.GetBytes($"emulated credential of {cluster.Id}"));
        var config = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                server: {server}
                certificate-authority-data: {fake}
              name: kubernetes
            contexts:
            - context:
                cluster: kubernetes
                user: "{user}"
              name: {user}-{cluster.Id}
            current-context: {user}-{cluster.Id}
            users:
            - name: "{user}"
              user:
                client-certificate-data: {fake}
                client-key-data: {fake}

            """;
        return new JsonObject { ["config"] = config, ["expiration"] = now.AddMinutes(minutes).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) };
    }
}
