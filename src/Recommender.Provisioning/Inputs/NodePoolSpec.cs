using Recommender.Core.Recommendations;

namespace Recommender.Provisioning.Inputs;

/// <summary>One node pool of a layout (contract §4.3): what it buys, how many, how, and what it is for.</summary>
public sealed record NodePoolSpec
{
    /// <summary>Unique in the cluster; how an existing pool is recognised (ApplyLayout, and a create whose answer was lost).</summary>
    public required string Name { get; init; }

    /// <summary>1–10 types, in order of preference; the first one is the one priced.</summary>
    public required IReadOnlyList<string> InstanceTypes { get; init; }

    /// <summary>Nodes wanted (<c>desired_size</c>); with <see cref="AutoScaling"/>, where the pool starts.</summary>
    public int NodeCount { get; init; }

    public CapacityType CapacityType { get; init; } = CapacityType.OnDemand;

    /// <summary>Spot pools only; default <see cref="Inputs.SpotStrategy.AsPriceGo"/>, or with a limit when <see cref="SpotPriceLimit"/> is set.</summary>
    public SpotStrategy? SpotStrategy { get; init; }

    /// <summary>Spot pools with <see cref="Inputs.SpotStrategy.WithPriceLimit"/>: the highest hourly price per node.</summary>
    public decimal? SpotPriceLimit { get; init; }

    /// <summary>Zones the pool should use; checked against the catalog's stock before any cloud call.</summary>
    public IReadOnlyList<string> Zones { get; init; } = [];

    /// <summary>vSwitches of the pool; empty: the cluster's.</summary>
    public IReadOnlyList<string> VswitchIds { get; init; } = [];

    /// <summary>e.g. <c>cloud_essd</c>; null: the cluster spec's default.</summary>
    public string? SystemDiskCategory { get; init; }

    /// <summary>GiB, 20–2048; null: ACK's default.</summary>
    public int? SystemDiskSize { get; init; }

    /// <summary>The node image (<c>image_id</c>); null: the cluster spec's default, else ACK's.</summary>
    public string? ImageId { get; init; }

    public AutoScalingRange? AutoScaling { get; init; }

    /// <summary>Node labels; the service adds <c>recommender.io/pool=&lt;name&gt;</c> naming the pool's role.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<NodeTaint> Taints { get; init; } = [];

    /// <summary>
    /// The hourly price of one node when the layout was recommended (<see cref="LayoutPool.UnitPrice"/>); when set, the
    /// pre-flight check refuses a layout whose price drifted by the configured margin or more.
    /// </summary>
    public decimal? QuotedUnitPrice { get; init; }
}
