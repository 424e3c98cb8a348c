namespace Recommender.Expander.Pricing;

/// <summary>How the node group's instances are bought.</summary>
public enum CapacityType
{
    OnDemand,
    Spot,
}
