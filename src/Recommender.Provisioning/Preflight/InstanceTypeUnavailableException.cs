using Recommender.Core.Errors;

namespace Recommender.Provisioning.Preflight;

/// <summary>An instance type of the layout is not sold in a chosen zone, or sold out there; nothing was created.</summary>
public sealed class InstanceTypeUnavailableException(string instanceType, string region, string? zone, string why)
    : RecommenderException(zone is null
        ? $"Instance type {instanceType} is not sold in {region}: {why}"
        : $"Instance type {instanceType} cannot be bought in zone {zone} of {region}: {why}")
{
    public string InstanceType { get; } = instanceType;

    public string Region { get; } = region;

    /// <summary>Null when the type is unknown in the whole region.</summary>
    public string? Zone { get; } = zone;

    public override string Code => ProvisioningErrorCodes.TypeUnavailable;

    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?>
    {
        ["instanceType"] = InstanceType,
        ["region"] = Region,
        ["zone"] = Zone,
    };
}
