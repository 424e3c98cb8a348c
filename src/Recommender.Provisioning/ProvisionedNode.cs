namespace Recommender.Provisioning;

/// <summary>One ECS instance of a cluster (DescribeClusterNodes): enough for a user to check what was built.</summary>
/// <param name="Role">Master or Worker.</param>
/// <param name="State">ECS state: pending, running, stopping…</param>
/// <param name="NodeStatus">Kubernetes view: Ready, NotReady, Unknown or Offline.</param>
/// <param name="SpotStrategy">NoSpot, SpotWithPriceLimit or SpotAsPriceGo.</param>
public sealed record ProvisionedNode(
    string InstanceId,
    string? Role,
    string? NodePoolId,
    string? NodePoolName,
    string? InstanceType,
    string? State,
    string? NodeStatus,
    string? SpotStrategy,
    string? ChargeType,
    IReadOnlyList<string> IpAddresses);
