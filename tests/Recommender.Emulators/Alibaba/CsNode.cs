using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// One emulated ECS instance in a cluster. Its state is read off the emulator's clock: <c>initial</c> until
/// <see cref="ReadyAt"/>, then <c>running</c> (or <c>failed</c> when its task was made to fail), <c>removing</c> from
/// <see cref="RemovingAt"/> until <see cref="GoneAt"/>.
/// </summary>
internal sealed class CsNode
{
    public required string InstanceId { get; init; }

    public required string InstanceType { get; init; }

    /// <summary><c>Master</c> or <c>Worker</c>.</summary>
    public required string Role { get; init; }

    /// <summary>Empty for the masters of a dedicated cluster.</summary>
    public string NodePoolId { get; init; } = string.Empty;

    public string SpotStrategy { get; init; } = "NoSpot";

    public string ChargeType { get; init; } = "PostPaid";

    public required string IpAddress { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ReadyAt { get; init; }

    /// <summary>The node never becomes Ready: the task that bought it fails.</summary>
    public bool Fails { get; init; }

    public DateTimeOffset? RemovingAt { get; private set; }

    public DateTimeOffset? GoneAt { get; private set; }

    /// <summary><c>initial</c>, <c>running</c>, <c>failed</c>, <c>removing</c> or <c>gone</c> (the DescribeClusterNodes <c>state</c> filter values).</summary>
    public string StateAt(DateTimeOffset now) =>
        GoneAt <= now ? "gone"
        : RemovingAt <= now ? "removing"
        : now < ReadyAt ? "initial"
        : Fails ? "failed"
        : "running";

    public bool IsLive(DateTimeOffset now) => StateAt(now) is "initial" or "running";

    public void Remove(DateTimeOffset now, DateTimeOffset goneAt)
    {
        if (RemovingAt is null)
        {
            (RemovingAt, GoneAt) = (now, goneAt);
        }
    }

    public JsonObject ToJson(DateTimeOffset now)
    {
        var state = StateAt(now);
        var name = $"{IpAddress}.{InstanceId}";
        return new JsonObject
        {
            ["instance_id"] = InstanceId,
            ["instance_name"] = $"worker-k8s-for-cs-{InstanceId}",
            ["instance_type"] = InstanceType,
            ["instance_type_family"] = InstanceType[..Math.Max(0, InstanceType.LastIndexOf('.'))],
            ["instance_role"] = Role,
            ["nodepool_id"] = NodePoolId,
            ["state"] = state switch { "initial" => "pending", "running" => "running", "removing" => "stopping", _ => "stopped" },
            ["instance_status"] = state switch { "initial" => "Pending", "running" => "Running", "removing" => "Stopping", _ => "Stopped" },
            ["node_status"] = state switch { "running" => "Ready", "initial" => "NotReady", "removing" => "NotReady", _ => "Unknown" },
            ["node_name"] = state == "initial" ? string.Empty : name,
            ["host_name"] = InstanceId,
            ["ip_address"] = new JsonArray(IpAddress),
            ["image_id"] = "aliyun_3_x64_20G_alibase_20240528.vhd",
            ["instance_charge_type"] = ChargeType,
            ["spot_strategy"] = SpotStrategy,
            ["is_aliyun_node"] = true,
            ["source"] = Role == "Master" ? "ROS" : "ess_attach",
            ["creation_time"] = CsJson.Time(CreatedAt),
            ["expired_time"] = "2099-12-31T15:59:00+08:00",
            ["error_message"] = state == "failed" ? "The instance failed to join the cluster (injected)." : string.Empty,
        };
    }
}
