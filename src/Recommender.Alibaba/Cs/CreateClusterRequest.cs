using System.Text.Json.Serialization;

namespace Recommender.Alibaba.Cs;

/// <summary>
/// The CreateCluster body (contract §4.1), snake_case on the wire; null fields are not sent. Build managed clusters
/// with <see cref="Managed"/> and dedicated ones (three or five masters) with <see cref="Dedicated"/>, then add workers
/// with CreateClusterNodePool (or <see cref="Nodepools"/>). The deprecated <c>worker_*</c> fields are left out.
/// </summary>
public sealed record CreateClusterRequest
{
    /// <summary><c>cluster_type</c> of managed clusters (Basic, Pro, Serverless, Edge).</summary>
    public const string ManagedKubernetes = "ManagedKubernetes";

    /// <summary><c>cluster_type</c> of dedicated clusters (masters on the customer's ECS instances).</summary>
    public const string DedicatedKubernetes = "Kubernetes";

    /// <summary><c>cluster_spec</c> of managed Pro clusters.</summary>
    public const string ProSpec = "ack.pro.small";

    public string Name { get; init; } = string.Empty;

    public string RegionId { get; init; } = string.Empty;

    public string ClusterType { get; init; } = ManagedKubernetes;

    public string? ClusterSpec { get; init; }

    public string? Profile { get; init; }

    public string? KubernetesVersion { get; init; }

    /// <summary>Spelled <c>vpcid</c> in requests (responses say <c>vpc_id</c>).</summary>
    [JsonPropertyName("vpcid")]
    public string? VpcId { get; init; }

    /// <summary>Control-plane vSwitches.</summary>
    public IReadOnlyList<string>? VswitchIds { get; init; }

    public IReadOnlyList<string>? ZoneIds { get; init; }

    public IReadOnlyList<string>? PodVswitchIds { get; init; }

    public string? ContainerCidr { get; init; }

    public string? ServiceCidr { get; init; }

    public string? NodeCidrMask { get; init; }

    /// <summary><c>iptables</c> or <c>ipvs</c>.</summary>
    public string? ProxyMode { get; init; }

    public string? IpStack { get; init; }

    /// <summary>Create a NAT gateway with SNAT so nodes reach the internet.</summary>
    public bool? SnatEntry { get; init; }

    public bool? EndpointPublicAccess { get; init; }

    public string? LoadBalancerSpec { get; init; }

    public string? SecurityGroupId { get; init; }

    public bool? IsEnterpriseSecurityGroup { get; init; }

    public bool? DeletionProtection { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? Timezone { get; init; }

    public IReadOnlyList<CsTag>? Tags { get; init; }

    /// <summary>Components; a network plug-in (<c>flannel</c> or <c>terway-eniip</c>) is required.</summary>
    public IReadOnlyList<CsAddon>? Addons { get; init; }

    /// <summary>Node pools created with the cluster (same object as CreateClusterNodePool's body).</summary>
    public IReadOnlyList<NodePool>? Nodepools { get; init; }

    public long? TimeoutMins { get; init; }

    public bool? DisableRollback { get; init; }

    /// <summary>Dedicated clusters only: 3 or 5.</summary>
    public int? MasterCount { get; init; }

    /// <summary>Dedicated clusters only: one instance type per master.</summary>
    public IReadOnlyList<string>? MasterInstanceTypes { get; init; }

    /// <summary>Dedicated clusters only: one vSwitch per master.</summary>
    public IReadOnlyList<string>? MasterVswitchIds { get; init; }

    public string? MasterSystemDiskCategory { get; init; }

    public int? MasterSystemDiskSize { get; init; }

    public string? MasterInstanceChargeType { get; init; }

    /// <summary>A managed (Pro by default) cluster in <paramref name="vpcId"/> with Flannel, no worker nodes yet.</summary>
    public static CreateClusterRequest Managed(string name, string region, string vpcId, IReadOnlyList<string> vswitchIds, string clusterSpec = ProSpec) => new()
    {
        Name = name,
        RegionId = region,
        ClusterType = ManagedKubernetes,
        ClusterSpec = clusterSpec,
        VpcId = vpcId,
        VswitchIds = vswitchIds,
        Addons = [new CsAddon("flannel")],
    };

    /// <summary>
    /// A dedicated cluster with <paramref name="masterCount"/> masters of <paramref name="masterInstanceType"/>, spread
    /// round-robin over <paramref name="vswitchIds"/> (one vSwitch per master on the wire).
    /// </summary>
    public static CreateClusterRequest Dedicated(
        string name, string region, string vpcId, IReadOnlyList<string> vswitchIds, string masterInstanceType, int masterCount = 3)
    {
        ArgumentNullException.ThrowIfNull(vswitchIds);
        ArgumentOutOfRangeException.ThrowIfZero(vswitchIds.Count);
        return new()
        {
            Name = name,
            RegionId = region,
            ClusterType = DedicatedKubernetes,
            VpcId = vpcId,
            VswitchIds = vswitchIds,
            Addons = [new CsAddon("flannel")],
            MasterCount = masterCount,
            MasterInstanceTypes = [.. Enumerable.Repeat(masterInstanceType, masterCount)],
            MasterVswitchIds = [.. Enumerable.Range(0, masterCount).Select(i => vswitchIds[i % vswitchIds.Count])],
        };
    }
}
