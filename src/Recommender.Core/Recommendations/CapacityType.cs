namespace Recommender.Core.Recommendations;

/// <summary>How the nodes of a pool are bought.</summary>
public enum CapacityType
{
    OnDemand,
    Spot,
}
