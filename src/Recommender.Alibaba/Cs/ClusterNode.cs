namespace Recommender.Alibaba.Cs;

/// <summary>One ECS instance of a cluster (DescribeClusterNodes, contract §4.1).</summary>
public sealed record ClusterNode
{
    public const string Master = "Master";
    public const string Worker = "Worker";

    public string InstanceId { get; init; } = string.Empty;

    public string? InstanceName { get; init; }

    public string? InstanceType { get; init; }

    public string? InstanceTypeFamily { get; init; }

    /// <summary><see cref="Master"/> or <see cref="Worker"/>.</summary>
    public string? InstanceRole { get; init; }

    /// <summary>Empty for masters of dedicated clusters.</summary>
    public string? NodepoolId { get; init; }

    /// <summary>ECS state: pending, running, starting, stopping or stopped.</summary>
    public string? State { get; init; }

    public string? InstanceStatus { get; init; }

    /// <summary>Kubernetes view: Ready, NotReady, Unknown or Offline.</summary>
    public string? NodeStatus { get; init; }

    public string? NodeName { get; init; }

    public string? HostName { get; init; }

    public IReadOnlyList<string>? IpAddress { get; init; }

    public string? ImageId { get; init; }

    public string? InstanceChargeType { get; init; }

    public string? SpotStrategy { get; init; }

    public bool? IsAliyunNode { get; init; }

    public string? Source { get; init; }

    public string? CreationTime { get; init; }

    public string? ExpiredTime { get; init; }

    public string? ErrorMessage { get; init; }
}
