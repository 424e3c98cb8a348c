using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Expander.Pricing;
using RecommendationCapacity = Recommender.Core.Recommendations.CapacityType;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// Where a pending pod may run, read from its node selector and tolerations: only what bears on architecture, zone,
/// capacity type and instance type. A selector on any other label is refused (BAD_USER_INPUT): we cannot promise a
/// node would carry it.
/// </summary>
public sealed record PodPlacement(
    CpuArchitecture? Architecture,
    string? Zone,
    RecommendationCapacity? CapacityType,
    string? InstanceType,
    bool ToleratesSpotTaint)
{
    /// <summary>Reads <paramref name="pod"/>'s rules; <paramref name="field"/> names the pod in errors (input.pods[3]).</summary>
    public static PodPlacement Of(ScaleOutPod pod, string? spotTaintKey, string field)
    {
        ArgumentNullException.ThrowIfNull(pod);
        CpuArchitecture? architecture = null;
        string? zone = null;
        RecommendationCapacity? capacity = null;
        string? instanceType = null;
        foreach (var (key, value) in pod.NodeSelector ?? new Dictionary<string, string>())
        {
            switch (key)
            {
                case "kubernetes.io/arch" or "beta.kubernetes.io/arch":
                    architecture = value switch
                    {
                        "amd64" => CpuArchitecture.X86,
                        "arm64" => CpuArchitecture.Arm,
                        _ => throw new ValidationException($"{field}.nodeSelector", $"{key}={value}: the architecture must be amd64 or arm64."),
                    };
                    break;
                case TemplateLabels.Zone or TemplateLabels.BetaZone:
                    zone = value;
                    break;
                case TemplateLabels.KarpenterCapacityType:
                    capacity = value switch
                    {
                        "spot" => RecommendationCapacity.Spot,
                        "on-demand" => RecommendationCapacity.OnDemand,
                        _ => throw new ValidationException($"{field}.nodeSelector", $"{key}={value}: the value must be spot or on-demand."),
                    };
                    break;
                case TemplateLabels.AlibabaSpotInstance:
                    capacity = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? RecommendationCapacity.Spot : RecommendationCapacity.OnDemand;
                    break;
                case TemplateLabels.AlibabaSpotStrategy:
                    capacity = value is "SpotWithPriceLimit" or "SpotAsPriceGo" ? RecommendationCapacity.Spot : RecommendationCapacity.OnDemand;
                    break;
                case TemplateLabels.InstanceType or TemplateLabels.BetaInstanceType:
                    instanceType = value;
                    break;
                default:
                    throw new ValidationException($"{field}.nodeSelector",
                        $"the label {key} is not one the change can promise; only architecture, zone, capacity type and instance type labels are accepted.");
            }
        }

        var tolerates = spotTaintKey is null
            || (pod.Tolerations ?? []).Any(t => t == "*" || string.Equals(t, spotTaintKey, StringComparison.Ordinal));
        return new PodPlacement(architecture, zone, capacity, instanceType, tolerates);
    }

    /// <summary>Whether a node of <paramref name="option"/> satisfies these rules (sizes aside).</summary>
    public bool Allows(ScaleOutOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return (Architecture is null || option.Offering.Type.Architecture == Architecture)
            && (Zone is null || (option.Zones.Count == 1 && string.Equals(option.Zones[0], Zone, StringComparison.Ordinal)))
            && (CapacityType is null || option.CapacityType == CapacityType)
            && (InstanceType is null || string.Equals(option.Offering.Name, InstanceType, StringComparison.Ordinal))
            && (ToleratesSpotTaint || option.CapacityType != RecommendationCapacity.Spot);
    }
}
