using Recommender.Expander.Kubernetes;

namespace Recommender.Expander.Pricing;

/// <summary>The template node labels the price choice reads, stable first, then the deprecated beta spellings.</summary>
public static class TemplateLabels
{
    public const string InstanceType = "node.kubernetes.io/instance-type";
    public const string BetaInstanceType = "beta.kubernetes.io/instance-type";
    public const string Zone = "topology.kubernetes.io/zone";
    public const string BetaZone = "failure-domain.beta.kubernetes.io/zone";
    public const string Region = "topology.kubernetes.io/region";
    public const string BetaRegion = "failure-domain.beta.kubernetes.io/region";
    public const string Architecture = "kubernetes.io/arch";

    /// <summary>ACK's bidding mode of a node (cloud-controller-manager 2.10.2+, or set on the node pool): NoSpot, SpotWithPriceLimit, SpotAsPriceGo.</summary>
    public const string AlibabaSpotStrategy = "node.alibabacloud.com/spot-strategy";

    /// <summary>A common ACK node pool label for spot pools (<c>"true"</c>).</summary>
    public const string AlibabaSpotInstance = "alibabacloud.com/spot-instance";

    /// <summary>Karpenter's capacity type (<c>spot</c>, <c>on-demand</c>), also set by hand on CA node groups.</summary>
    public const string KarpenterCapacityType = "karpenter.sh/capacity-type";

    public static string? InstanceTypeOf(TemplateNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Label(InstanceType) ?? node.Label(BetaInstanceType);
    }

    public static string? ZoneOf(TemplateNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Label(Zone) ?? node.Label(BetaZone);
    }

    public static string? RegionOf(TemplateNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Label(Region) ?? node.Label(BetaRegion);
    }

    /// <summary>Spot when any capacity label says so; on-demand otherwise (what a template without these labels buys).</summary>
    public static CapacityType CapacityTypeOf(TemplateNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var spot = node.Label(AlibabaSpotStrategy) is "SpotWithPriceLimit" or "SpotAsPriceGo"
            || string.Equals(node.Label(AlibabaSpotInstance), "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(node.Label(KarpenterCapacityType), "spot", StringComparison.OrdinalIgnoreCase);
        return spot ? CapacityType.Spot : CapacityType.OnDemand;
    }
}
