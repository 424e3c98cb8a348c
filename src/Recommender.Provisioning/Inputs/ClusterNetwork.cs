namespace Recommender.Provisioning.Inputs;

/// <summary>
/// An existing VPC and the vSwitches the control plane and, unless a pool names its own, the node pools use. A cluster
/// spec without one asks ACK to create the VPC and vSwitches itself.
/// </summary>
public sealed record ClusterNetwork
{
    public required string VpcId { get; init; }

    /// <summary>At least one; dedicated clusters spread their masters over them round-robin.</summary>
    public required IReadOnlyList<string> VswitchIds { get; init; }
}
