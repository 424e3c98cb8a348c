using System.Text.Json.Serialization;

namespace Recommender.Alibaba.Cs;

/// <summary>
/// The node pool object (contract §4.3): the CreateClusterNodePool body, the partial ModifyClusterNodePool body (only
/// what changes; null parts are not sent) and each item of DescribeClusterNodePools. <see cref="Status"/> and the ids in
/// <see cref="NodepoolInfo"/> come back in answers only.
/// </summary>
public sealed record NodePool
{
    public NodePoolInfo? NodepoolInfo { get; init; }

    public NodePoolScalingGroup? ScalingGroup { get; init; }

    public NodePoolKubernetesConfig? KubernetesConfig { get; init; }

    public NodePoolAutoScaling? AutoScaling { get; init; }

    /// <summary>Answers only.</summary>
    public NodePoolStatus? Status { get; init; }

    /// <summary>The id from <see cref="NodepoolInfo"/>, for answers.</summary>
    [JsonIgnore]
    public string? Id => NodepoolInfo?.NodepoolId;
}
