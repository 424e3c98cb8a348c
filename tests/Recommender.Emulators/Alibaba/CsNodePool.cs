using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// One emulated node pool. Its scaling group exists at <see cref="ActiveFrom"/>; from then nodes join after
/// <see cref="CsTimings.NodeJoin"/>. State: <c>initial</c> until the first nodes are Ready, <c>scaling</c> while nodes
/// join, <c>removing</c> while nodes leave, <c>deleting</c> until gone, otherwise <c>active</c>. The request's
/// <c>scaling_group</c>, <c>kubernetes_config</c> and <c>auto_scaling</c> are echoed back as sent, with the current
/// <c>desired_size</c>.
/// </summary>
internal sealed class CsNodePool(string id, string clusterId, string region, JsonObject spec, DateTimeOffset created, DateTimeOffset activeFrom)
{
    private readonly List<CsNode> nodes = [];

    public string Id { get; } = id;

    public string ClusterId { get; } = clusterId;

    public string Name => ((JsonObject)spec["nodepool_info"]!)["name"]!.GetValue<string>();

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset ActiveFrom { get; } = activeFrom;

    /// <summary>When the pool's first nodes are all Ready: until then it is <c>initial</c>.</summary>
    public DateTimeOffset InitialUntil { get; set; } = activeFrom;

    public DateTimeOffset Updated { get; private set; } = created;

    public int DesiredSize { get; private set; }

    public DateTimeOffset? DeletingAt { get; private set; }

    public DateTimeOffset? GoneAt { get; private set; }

    public IReadOnlyList<CsNode> Nodes => nodes;

    public IReadOnlyList<string> InstanceTypes => [.. ((JsonArray)ScalingGroup["instance_types"]!).Select(t => t!.GetValue<string>())];

    private JsonObject ScalingGroup => (JsonObject)spec["scaling_group"]!;

    public string StateAt(DateTimeOffset now)
    {
        if (DeletingAt is not null)
        {
            return "deleting";
        }

        if (now < InitialUntil)
        {
            return "initial";
        }

        var states = nodes.Select(n => n.StateAt(now)).ToList();
        return states.Contains("initial") ? "scaling" : states.Contains("removing") ? "removing" : "active";
    }

    /// <summary>
    /// Moves the pool to <paramref name="desired"/> nodes: buys the missing ones (Ready after the join delay, counted
    /// from when the scaling group exists) or removes the newest. Returns the instances bought and when all is done.
    /// </summary>
    public (IReadOnlyList<string> Added, DateTimeOffset DoneAt) Resize(int desired, DateTimeOffset now, CsTimings timings, Func<string> newInstanceId, bool fails)
    {
        DesiredSize = desired;
        Updated = now;
        ScalingGroup["desired_size"] = desired;
        var live = nodes.Where(n => n.IsLive(now)).ToList();
        var start = now > ActiveFrom ? now : ActiveFrom;
        var added = new List<string>();
        var doneAt = start;
        for (var i = live.Count; i < desired; i++)
        {
            var types = InstanceTypes;
            var node = new CsNode
            {
                InstanceId = newInstanceId(),
                InstanceType = types[nodes.Count % types.Count],
                Role = "Worker",
                NodePoolId = Id,
                SpotStrategy = ScalingGroup["spot_strategy"]?.GetValue<string>() ?? "NoSpot",
                ChargeType = ScalingGroup["instance_charge_type"]?.GetValue<string>() ?? "PostPaid",
                IpAddress = $"192.168.{(nodes.Count / 250) % 250}.{(nodes.Count % 250) + 2}",
                CreatedAt = start,
                ReadyAt = start + timings.Scaled(timings.NodeJoin),
                Fails = fails,
            };
            nodes.Add(node);
            added.Add(node.InstanceId);
            doneAt = node.ReadyAt;
        }

        foreach (var node in live.Skip(desired).Reverse())
        {
            doneAt = now + timings.Scaled(timings.NodeRemove);
            node.Remove(now, doneAt);
        }

        return (added, doneAt);
    }

    /// <summary>Applies a ModifyClusterNodePool body (already validated): name, labels and taints, auto scaling.</summary>
    public void Apply(JsonObject change, DateTimeOffset now)
    {
        Updated = now;
        foreach (var part in (string[])["kubernetes_config", "auto_scaling"])
        {
            if (change[part] is JsonObject given)
            {
                spec[part] = given.DeepClone();
            }
        }

        if (change["nodepool_info"]?["name"] is JsonValue name)
        {
            ((JsonObject)spec["nodepool_info"]!)["name"] = name.DeepClone();
        }
    }

    public DateTimeOffset Delete(DateTimeOffset now, CsTimings timings)
    {
        DeletingAt ??= now;
        GoneAt ??= now + timings.Scaled(timings.NodePoolDelete);
        foreach (var node in nodes)
        {
            node.Remove(now, GoneAt.Value);
        }

        return GoneAt.Value;
    }

    /// <summary>Forgets nodes that are gone; true when the pool itself is gone.</summary>
    public bool Settle(DateTimeOffset now)
    {
        nodes.RemoveAll(n => n.GoneAt <= now);
        return GoneAt <= now;
    }

    public JsonObject ToJson(DateTimeOffset now)
    {
        var states = nodes.Select(n => n.StateAt(now)).ToList();
        var info = (JsonObject)spec["nodepool_info"]!.DeepClone();
        info["nodepool_id"] = Id;
        info["region_id"] = region;
        info["type"] ??= "ess";
        info["is_default"] = false;
        info["created"] = CsJson.Time(Created);
        info["updated"] = CsJson.Time(Updated);
        return new JsonObject
        {
            ["nodepool_info"] = info,
            ["scaling_group"] = ScalingGroup.DeepClone(),
            ["kubernetes_config"] = spec["kubernetes_config"]?.DeepClone() ?? new JsonObject { ["runtime"] = "containerd" },
            ["auto_scaling"] = spec["auto_scaling"]?.DeepClone() ?? new JsonObject { ["enable"] = false },
            ["status"] = new JsonObject
            {
                ["state"] = StateAt(now),
                ["total_nodes"] = states.Count,
                ["healthy_nodes"] = states.Count(s => s == "running"),
                ["serving_nodes"] = states.Count(s => s == "running"),
                ["initial_nodes"] = states.Count(s => s == "initial"),
                ["failed_nodes"] = states.Count(s => s == "failed"),
                ["offline_nodes"] = 0,
                ["removing_nodes"] = states.Count(s => s == "removing"),
            },
        };
    }
}
