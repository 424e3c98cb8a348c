using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// One emulated ACK cluster: <c>initial</c> until <see cref="ReadyAt"/>, then <c>running</c> (or <c>failed</c> when its
/// create task was made to fail), <c>deleting</c> from DeleteCluster until <see cref="GoneAt"/>, then forgotten. Dedicated
/// clusters carry their masters as nodes without a pool.
/// </summary>
internal sealed class CsCluster(string id, JsonObject spec, DateTimeOffset created, DateTimeOffset readyAt, bool fails)
{
    private readonly List<CsNodePool> pools = [];
    private readonly List<CsNode> masters = [];

    public string Id { get; } = id;

    public string Name => spec["name"]!.GetValue<string>();

    public string Region => spec["region_id"]!.GetValue<string>();

    public string ClusterType => spec["cluster_type"]!.GetValue<string>();

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset ReadyAt { get; } = readyAt;

    public DateTimeOffset? DeletingAt { get; private set; }

    public DateTimeOffset? GoneAt { get; private set; }

    public bool DeletionProtection => spec["deletion_protection"]?.GetValue<bool>() == true;

    public IReadOnlyList<CsNodePool> Pools => pools;

    public IEnumerable<CsNode> Nodes => masters.Concat(pools.SelectMany(p => p.Nodes));

    public string StateAt(DateTimeOffset now) =>
        DeletingAt is not null ? "deleting"
        : now < ReadyAt ? "initial"
        : fails ? "failed"
        : "running";

    public CsNodePool? FindPool(string poolId) => pools.Find(p => string.Equals(p.Id, poolId, StringComparison.Ordinal));

    public void AddPool(CsNodePool pool) => pools.Add(pool);

    public void AddMaster(CsNode master) => masters.Add(master);

    public DateTimeOffset Delete(DateTimeOffset now, CsTimings timings)
    {
        DeletingAt ??= now;
        GoneAt ??= now + timings.Scaled(timings.ClusterDelete);
        foreach (var node in Nodes)
        {
            node.Remove(now, GoneAt.Value);
        }

        return GoneAt.Value;
    }

    /// <summary>Forgets pools and nodes that are gone; true when the cluster itself is gone.</summary>
    public bool Settle(DateTimeOffset now)
    {
        pools.RemoveAll(p => p.Settle(now));
        masters.RemoveAll(m => m.GoneAt <= now);
        return GoneAt <= now;
    }

    /// <summary>The DescribeClusterDetail object (contract §4.2).</summary>
    public JsonObject ToJson(DateTimeOffset now)
    {
        var state = StateAt(now);
        var endpoints = new JsonObject
        {
            ["api_server_endpoint"] = $"https://{Id}.{Region}.emulator.invalid:6443",
            ["intranet_api_server_endpoint"] = "https://192.168.0.1:6443",
        };
        var version = spec["kubernetes_version"]?.GetValue<string>() ?? "1.31.1-aliyun.1";
        return new JsonObject
        {
            ["cluster_id"] = Id,
            ["name"] = Name,
            ["region_id"] = Region,
            ["zone_id"] = $"{Region}-a",
            ["state"] = state,
            ["cluster_type"] = ClusterType,
            ["cluster_spec"] = spec["cluster_spec"]?.DeepClone() ?? (ClusterType == "ManagedKubernetes" ? "ack.standard" : string.Empty),
            ["profile"] = spec["profile"]?.DeepClone() ?? "Default",
            ["current_version"] = version,
            ["init_version"] = version,
            ["next_version"] = string.Empty,
            ["vpc_id"] = spec["vpcid"]?.DeepClone() ?? string.Empty,
            ["vswitch_ids"] = spec["vswitch_ids"]?.DeepClone() ?? new JsonArray(),
            ["security_group_id"] = spec["security_group_id"]?.DeepClone() ?? $"sg-{Id[1..13]}",
            ["container_cidr"] = spec["container_cidr"]?.DeepClone() ?? "172.20.0.0/16",
            ["service_cidr"] = spec["service_cidr"]?.DeepClone() ?? "172.21.0.0/20",
            ["proxy_mode"] = spec["proxy_mode"]?.DeepClone() ?? "ipvs",
            ["ip_stack"] = spec["ip_stack"]?.DeepClone() ?? "ipv4",
            ["size"] = Nodes.Count(n => n.StateAt(now) != "gone"),
            ["created"] = CsJson.Time(Created),
            ["updated"] = CsJson.Time(DeletingAt ?? (now < ReadyAt ? Created : ReadyAt)),
            ["deletion_protection"] = DeletionProtection,
            ["resource_group_id"] = spec["resource_group_id"]?.DeepClone() ?? "rg-emulator",
            // A JSON document in a string, as the API sends it; empty until the API server exists.
            ["master_url"] = state is "running" or "deleting" ? endpoints.ToJsonString() : string.Empty,
            ["meta_data"] = new JsonObject { ["Capabilities"] = new JsonObject(), ["KubernetesVersion"] = version }.ToJsonString(),
            ["tags"] = spec["tags"]?.DeepClone() ?? new JsonArray(),
            ["timezone"] = spec["timezone"]?.DeepClone() ?? "Asia/Shanghai",
            ["worker_ram_role_name"] = $"KubernetesWorkerRole-{Id[1..9]}",
            ["maintenance_window"] = new JsonObject { ["enable"] = false },
        };
    }
}
