using System.Globalization;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// Node pools (create, list, detail, modify, scale, delete) and DescribeClusterNodes (contract §4, §4.3). Called by
/// <see cref="CsActions"/> under the cloud's lock.
/// </summary>
internal sealed class CsNodePoolActions(CsCloud cloud, EmulatorFaults faults)
{
    private const int MaxNodesPerPool = 1000;

    public (int Status, JsonObject Body) Handle(CsRoute route, IReadOnlyDictionary<string, string> query, byte[] body, DateTimeOffset now)
    {
        var cluster = cloud.Cluster(route.ClusterId!, now);
        return route.Action switch
        {
            "CreateClusterNodePool" => (200, Create(cluster, CsBody.Parse(body), now)),
            "DescribeClusterNodePools" => (200, new JsonObject
            {
                ["nodepools"] = new JsonArray([.. cluster.Pools
                    .Where(p => !query.TryGetValue("NodepoolName", out var name) || name.Length == 0 || p.Name == name)
                    .Select(p => (JsonNode)p.ToJson(now))]),
            }),
            "DescribeClusterNodePoolDetail" => (200, Pool(cluster, route.NodePoolId!).ToJson(now)),
            "ModifyClusterNodePool" => (200, Modify(cluster, Pool(cluster, route.NodePoolId!), CsBody.Parse(body), now)),
            "ScaleClusterNodePool" => (200, Scale(cluster, Pool(cluster, route.NodePoolId!), CsBody.Parse(body), now)),
            "DeleteClusterNodepool" => (200, Delete(cluster, Pool(cluster, route.NodePoolId!), now)),
            "DescribeClusterNodes" => (200, Nodes(cluster, query, now)),
            _ => throw AcsError.ApiNotFound(),
        };
    }

    /// <summary>
    /// The node pool object of contract §4.3 as CreateClusterNodePool requires it: <c>nodepool_info.name</c>,
    /// <c>scaling_group.vswitch_ids</c> and <c>instance_types</c>, typed fields, spot limits for listed types only,
    /// auto scaling bounds in order.
    /// </summary>
    public static void Validate(JsonObject pool, string prefix = "")
    {
        var info = CsBody.OptionalObject(pool, "nodepool_info", prefix) ?? throw CsErrors.Missing(prefix + "nodepool_info.name");
        CsBody.RequireString(info, "name", prefix + "nodepool_info.");
        CsBody.OptionalOneOf(info, "type", prefix + "nodepool_info.", "ess", "edge", "lingjun");
        var group = CsBody.OptionalObject(pool, "scaling_group", prefix) ?? throw CsErrors.Missing(prefix + "scaling_group");
        var at = prefix + "scaling_group.";
        CsBody.RequireStrings(group, "vswitch_ids", at);
        var types = CsBody.RequireStrings(group, "instance_types", at);
        if (types.Count > 10)
        {
            throw CsErrors.Invalid(at + "instance_types", "at most 10 instance types.");
        }

        ValidateScalingGroup(group, at, types);
        CsBody.OptionalInt(pool, "count", prefix, 0, MaxNodesPerPool);
        ValidateKubernetesAndScaling(pool, prefix);
    }

    /// <summary>Adds a validated pool to <paramref name="cluster"/>: the scaling group exists once the cluster runs.</summary>
    public CsNodePool AddPool(CsCluster cluster, JsonObject spec, DateTimeOffset now, bool fails)
    {
        var start = now > cluster.ReadyAt ? now : cluster.ReadyAt;
        var pool = new CsNodePool(CsJson.NewId("np", 32), cluster.Id, cluster.Region, (JsonObject)spec.DeepClone(), now, start + cloud.Timings.Scaled(cloud.Timings.NodePoolCreate));
        var autoScaling = spec["auto_scaling"] as JsonObject;
        var size = autoScaling?["enable"]?.GetValue<bool>() == true
            ? CsBody.OptionalInt(autoScaling, "min_instances", string.Empty, 0, MaxNodesPerPool) ?? 0
            : CsBody.OptionalInt((JsonObject)spec["scaling_group"]!, "desired_size", string.Empty, 0, MaxNodesPerPool)
                ?? CsBody.OptionalInt(spec, "count", string.Empty, 0, MaxNodesPerPool) ?? 0;
        var (_, ready) = pool.Resize(size, now, cloud.Timings, () => CsJson.NewId("i-", 20), fails);
        pool.InitialUntil = ready;
        cluster.AddPool(pool);
        return pool;
    }

    private JsonObject Create(CsCluster cluster, JsonObject spec, DateTimeOffset now)
    {
        Validate(spec);
        RequireRunning(cluster, now, "CreateClusterNodePool");
        var fails = faults.Find("CreateClusterNodePool")?.TakeTaskFailure() == true;
        var pool = AddPool(cluster, spec, now, fails);
        var task = cloud.AddTask(
            "nodepool_create", cluster.Id, pool.Id, "nodepool", now, pool.InitialUntil, fails ? faults.Find("CreateClusterNodePool")!.TaskFailureCode : null,
            [.. pool.Nodes.Select(n => n.InstanceId)]);
        return new JsonObject { ["nodepool_id"] = pool.Id, ["task_id"] = task.Id };
    }

    /// <summary>ModifyClusterNodePool: a partial pool; <c>scaling_group.desired_size</c> scales out or in.</summary>
    private JsonObject Modify(CsCluster cluster, CsNodePool pool, JsonObject change, DateTimeOffset now)
    {
        RequireChangeable(cluster, pool, now, "ModifyClusterNodePool");
        if (CsBody.OptionalObject(change, "nodepool_info") is { } info)
        {
            CsBody.OptionalString(info, "name", "nodepool_info.");
        }

        int? desired = null;
        if (CsBody.OptionalObject(change, "scaling_group") is { } group)
        {
            desired = CsBody.OptionalInt(group, "desired_size", "scaling_group.", 0, MaxNodesPerPool);
            ValidateScalingGroup(group, "scaling_group.", CsBody.OptionalStrings(group, "instance_types", "scaling_group.") ?? pool.InstanceTypes);
        }

        ValidateKubernetesAndScaling(change, string.Empty);
        pool.Apply(change, now);
        var (added, doneAt, failure) = desired is { } size ? Resize(pool, size, now, "ModifyClusterNodePool") : ([], now, null);
        var task = cloud.AddTask("nodepool_update", cluster.Id, pool.Id, "nodepool", now, doneAt, failure, added);
        return new JsonObject { ["task_id"] = task.Id };
    }

    /// <summary>ScaleClusterNodePool: <c>count</c> nodes to add, 1–500 per call.</summary>
    private JsonObject Scale(CsCluster cluster, CsNodePool pool, JsonObject body, DateTimeOffset now)
    {
        RequireChangeable(cluster, pool, now, "ScaleClusterNodePool");
        var count = CsBody.OptionalInt(body, "count", string.Empty, 1, 500) ?? throw CsErrors.Missing("count");
        var live = pool.Nodes.Count(n => n.IsLive(now));
        var (added, doneAt, failure) = Resize(pool, Math.Min(MaxNodesPerPool, live + count), now, "ScaleClusterNodePool");
        var task = cloud.AddTask("cluster_scaleout", cluster.Id, pool.Id, "nodepool", now, doneAt, failure, added);
        return new JsonObject { ["task_id"] = task.Id };
    }

    private JsonObject Delete(CsCluster cluster, CsNodePool pool, DateTimeOffset now)
    {
        RequireChangeable(cluster, pool, now, "DeleteClusterNodepool");
        var goneAt = pool.Delete(now, cloud.Timings);
        var task = cloud.AddTask("nodepool_delete", cluster.Id, pool.Id, "nodepool", now, goneAt, null);
        return new JsonObject { ["task_id"] = task.Id };
    }

    /// <summary>DescribeClusterNodes: filters <c>nodepool_id</c>, <c>state</c>, <c>instanceIds</c>; <c>pageSize</c> 1–100 (default 10).</summary>
    private static JsonObject Nodes(CsCluster cluster, IReadOnlyDictionary<string, string> query, DateTimeOffset now)
    {
        var (number, size) = CsJson.Paging(query, "pageNumber", "pageSize", 10, 100);
        var state = query.GetValueOrDefault("state", "all");
        if (state is not ("all" or "running" or "removing" or "initial" or "failed"))
        {
            throw CsErrors.Invalid("state", "all, running, removing, initial or failed.");
        }

        var pool = query.GetValueOrDefault("nodepool_id", string.Empty);
        var ids = query.GetValueOrDefault("instanceIds", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var nodes = cluster.Nodes
            .Where(n => n.StateAt(now) != "gone" && (state == "all" || n.StateAt(now) == state))
            .Where(n => pool.Length == 0 || n.NodePoolId == pool)
            .Where(n => ids.Length == 0 || ids.Contains(n.InstanceId, StringComparer.Ordinal))
            .ToList();
        return new JsonObject
        {
            ["nodes"] = new JsonArray([.. nodes.Skip((number - 1) * size).Take(size).Select(n => (JsonNode)n.ToJson(now))]),
            ["page"] = CsJson.Page(number, size, nodes.Count),
        };
    }

    /// <summary>Resizes the pool; a task failure injected on <paramref name="action"/> applies when nodes are bought.</summary>
    private (IReadOnlyList<string> Added, DateTimeOffset DoneAt, string? Failure) Resize(CsNodePool pool, int size, DateTimeOffset now, string action)
    {
        var adds = size > pool.Nodes.Count(n => n.IsLive(now));
        var fails = adds && faults.Find(action)?.TakeTaskFailure() == true;
        var (added, doneAt) = pool.Resize(size, now, cloud.Timings, () => CsJson.NewId("i-", 20), fails);
        return (added, doneAt, fails ? faults.Find(action)!.TaskFailureCode : null);
    }

    private static CsNodePool Pool(CsCluster cluster, string id) => cluster.FindPool(id) ?? throw CsErrors.NodePoolNotFound(id);

    private static void RequireRunning(CsCluster cluster, DateTimeOffset now, string action)
    {
        if (cluster.StateAt(now) != "running")
        {
            throw CsErrors.WrongState($"cluster {cluster.Id}", cluster.StateAt(now), action);
        }
    }

    private static void RequireChangeable(CsCluster cluster, CsNodePool pool, DateTimeOffset now, string action)
    {
        RequireRunning(cluster, now, action);
        if (pool.StateAt(now) == "deleting")
        {
            throw CsErrors.WrongState($"node pool {pool.Id}", "deleting", action);
        }
    }

    private static void ValidateScalingGroup(JsonObject group, string at, IReadOnlyList<string> types)
    {
        CsBody.OptionalInt(group, "desired_size", at, 0, MaxNodesPerPool);
        CsBody.OptionalOneOf(group, "instance_charge_type", at, "PostPaid", "PrePaid");
        CsBody.OptionalOneOf(group, "spot_strategy", at, "NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo");
        CsBody.OptionalOneOf(group, "multi_az_policy", at, "PRIORITY", "COST_OPTIMIZED", "BALANCE");
        CsBody.OptionalInt(group, "system_disk_size", at, 20, 2048);
        CsBody.OptionalInt(group, "spot_instance_pools", at, 1, 10);
        CsBody.OptionalInt(group, "on_demand_base_capacity", at, 0, MaxNodesPerPool);
        CsBody.OptionalInt(group, "on_demand_percentage_above_base_capacity", at, 0, 100);
        CsBody.OptionalStrings(group, "security_group_ids", at);
        foreach (var text in (string[])["system_disk_category", "system_disk_performance_level", "image_type", "image_id", "key_pair"])
        {
            CsBody.OptionalString(group, text, at);
        }

        foreach (var flag in (string[])["compensate_with_on_demand", "spot_instance_remedy", "auto_renew"])
        {
            CsBody.OptionalBool(group, flag, at);
        }

        foreach (var limit in CsBody.OptionalObjects(group, "spot_price_limit", at))
        {
            var type = CsBody.RequireString(limit, "instance_type", at + "spot_price_limit[].");
            var price = CsBody.RequireString(limit, "price_limit", at + "spot_price_limit[].");
            if (!decimal.TryParse(price, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw CsErrors.Invalid(at + "spot_price_limit[].price_limit", $"'{price}' is not a positive hourly price.");
            }

            if (!types.Contains(type, StringComparer.Ordinal))
            {
                throw CsErrors.Invalid(at + "spot_price_limit[].instance_type", $"{type} is not one of the pool's instance types.");
            }
        }

        foreach (var tag in CsBody.OptionalObjects(group, "tags", at))
        {
            CsBody.RequireString(tag, "key", at + "tags[].");
            CsBody.OptionalString(tag, "value", at + "tags[].");
        }
    }

    private static void ValidateKubernetesAndScaling(JsonObject pool, string prefix)
    {
        if (CsBody.OptionalObject(pool, "kubernetes_config", prefix) is { } k8s)
        {
            var at = prefix + "kubernetes_config.";
            foreach (var label in CsBody.OptionalObjects(k8s, "labels", at))
            {
                CsBody.RequireString(label, "key", at + "labels[].");
                CsBody.OptionalString(label, "value", at + "labels[].");
            }

            foreach (var taint in CsBody.OptionalObjects(k8s, "taints", at))
            {
                CsBody.RequireString(taint, "key", at + "taints[].");
                CsBody.OptionalString(taint, "value", at + "taints[].");
                CsBody.OptionalOneOf(taint, "effect", at + "taints[].", "NoSchedule", "PreferNoSchedule", "NoExecute");
            }

            CsBody.OptionalString(k8s, "runtime", at);
            CsBody.OptionalString(k8s, "runtime_version", at);
            CsBody.OptionalOneOf(k8s, "cpu_policy", at, "none", "static");
            CsBody.OptionalBool(k8s, "cms_enabled", at);
            CsBody.OptionalBool(k8s, "unschedulable", at);
        }

        if (CsBody.OptionalObject(pool, "auto_scaling", prefix) is { } scaling)
        {
            var at = prefix + "auto_scaling.";
            var enabled = CsBody.OptionalBool(scaling, "enable", at) == true;
            var min = CsBody.OptionalInt(scaling, "min_instances", at, 0, MaxNodesPerPool);
            var max = CsBody.OptionalInt(scaling, "max_instances", at, 0, MaxNodesPerPool);
            CsBody.OptionalOneOf(scaling, "type", at, "cpu", "gpu", "gpushare", "spot");
            if (enabled && max is null)
            {
                throw CsErrors.Missing(at + "max_instances");
            }

            if (min > max)
            {
                throw CsErrors.Invalid(at + "min_instances", $"{min} is above max_instances {max}.");
            }
        }
    }
}
