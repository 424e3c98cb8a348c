namespace Recommender.Provisioning.Inputs;

/// <summary>The cluster to create (contract §4.1), without its node pools.</summary>
public sealed record ClusterSpec
{
    /// <summary>1–63 characters. With the operation's tag it is how a create whose answer was lost is found again.</summary>
    public required string Name { get; init; }

    /// <summary>Region id, e.g. <c>cn-hangzhou</c>.</summary>
    public required string Region { get; init; }

    /// <summary>Zones the cluster's nodes may use; checked against the catalog before any cloud call.</summary>
    public IReadOnlyList<string> Zones { get; init; } = [];

    /// <summary>e.g. <c>1.31.1-aliyun.1</c>; null lets ACK pick its default.</summary>
    public string? KubernetesVersion { get; init; }

    public ClusterKind Kind { get; init; } = ClusterKind.Managed;

    /// <summary>Managed clusters: <c>ack.pro.small</c> (Pro, the default) or <c>ack.standard</c> (Basic).</summary>
    public string? ClusterSpecName { get; init; }

    /// <summary>Dedicated clusters: the instance type of each of the three masters (required for them).</summary>
    public string? MasterInstanceType { get; init; }

    /// <summary>Dedicated clusters: the masters' system disk category, e.g. <c>cloud_essd</c>.</summary>
    public string? MasterSystemDiskCategory { get; init; }

    /// <summary>Null: ACK creates the VPC and vSwitches.</summary>
    public ClusterNetwork? Network { get; init; }

    /// <summary>Default system disk category of the node pools that name none, e.g. <c>cloud_essd</c>.</summary>
    public string? SystemDiskCategory { get; init; }

    /// <summary>Default node image (<c>image_id</c>) of the node pools that name none.</summary>
    public string? ImageId { get; init; }

    /// <summary>Cluster tags; keys starting <c>recommender.</c> are reserved for the service's own.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
