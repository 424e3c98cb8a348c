namespace Recommender.Provisioning.Inputs;

/// <summary>What a DeleteCluster operation deletes: one of the organisation's clusters, with the resources ACK made for it.</summary>
public sealed record DeleteClusterInput
{
    public required string ClusterId { get; init; }

    public required string Region { get; init; }

    public required string SecretId { get; init; }

    /// <summary>Keep the VPC, SLB and other resources ACK created (<c>retain_all_resources</c>).</summary>
    public bool RetainResources { get; init; }
}
