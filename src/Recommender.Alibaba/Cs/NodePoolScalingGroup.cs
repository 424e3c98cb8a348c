namespace Recommender.Alibaba.Cs;

/// <summary>
/// <c>scaling_group</c>: what instances the pool buys. <see cref="VswitchIds"/> and <see cref="InstanceTypes"/> are
/// required when creating; a Modify body may carry only <see cref="DesiredSize"/>.
/// </summary>
public sealed record NodePoolScalingGroup
{
    public const string NoSpot = "NoSpot";
    public const string SpotWithPriceLimit = "SpotWithPriceLimit";
    public const string SpotAsPriceGo = "SpotAsPriceGo";

    public IReadOnlyList<string>? VswitchIds { get; init; }

    public IReadOnlyList<string>? InstanceTypes { get; init; }

    /// <summary>Nodes wanted (preferred over the deprecated top-level <c>count</c>).</summary>
    public int? DesiredSize { get; init; }

    /// <summary><c>PostPaid</c> (pay-as-you-go) or <c>PrePaid</c>.</summary>
    public string? InstanceChargeType { get; init; }

    /// <summary><see cref="NoSpot"/>, <see cref="SpotWithPriceLimit"/> or <see cref="SpotAsPriceGo"/>.</summary>
    public string? SpotStrategy { get; init; }

    /// <summary>Highest hourly price per instance type, with <see cref="SpotWithPriceLimit"/>.</summary>
    public IReadOnlyList<SpotPriceLimit>? SpotPriceLimit { get; init; }

    public int? SpotInstancePools { get; init; }

    public bool? SpotInstanceRemedy { get; init; }

    public int? OnDemandBaseCapacity { get; init; }

    public int? OnDemandPercentageAboveBaseCapacity { get; init; }

    public bool? CompensateWithOnDemand { get; init; }

    /// <summary><c>PRIORITY</c>, <c>COST_OPTIMIZED</c> or <c>BALANCE</c>.</summary>
    public string? MultiAzPolicy { get; init; }

    public string? ImageType { get; init; }

    public string? ImageId { get; init; }

    /// <summary>e.g. <c>cloud_essd</c>, <c>cloud_efficiency</c>.</summary>
    public string? SystemDiskCategory { get; init; }

    /// <summary>GiB.</summary>
    public int? SystemDiskSize { get; init; }

    public string? SystemDiskPerformanceLevel { get; init; }

    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    public string? KeyPair { get; init; }

    public IReadOnlyList<CsTag>? Tags { get; init; }
}
