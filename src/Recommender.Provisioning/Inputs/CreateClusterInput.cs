namespace Recommender.Provisioning.Inputs;

/// <summary>
/// What a CreateCluster operation makes: the cluster and its node pools, with the cloud credentials of the
/// organisation's secret <see cref="SecretId"/> (an id, never a value). Stored as the operation's input.
/// </summary>
public sealed record CreateClusterInput
{
    /// <summary>The organisation's ALIBABA secret the steps sign with.</summary>
    public required string SecretId { get; init; }

    public required ClusterSpec Cluster { get; init; }

    public required LayoutSpec Layout { get; init; }

    /// <summary>The recommendation the layout came from, when it did; kept for the record only.</summary>
    public string? RecommendationId { get; init; }
}
