using Recommender.Core.Recommendations;

namespace Recommender.Expander.ScaleOut;

/// <summary>One pool of a scale-out: an existing pool (grown or not) or a new one.</summary>
/// <param name="Pool">The existing pool's name, or <c>new-N</c> for a pool the change adds.</param>
/// <param name="NodesBefore">Nodes it has now (0 for a new pool).</param>
/// <param name="NodesAdded">Nodes the change adds (never negative: a scale-out never shrinks).</param>
/// <param name="UnitPrice">Hourly price of one node.</param>
public sealed record PoolChange(
    string Pool,
    bool IsNew,
    string InstanceType,
    CapacityType CapacityType,
    IReadOnlyList<string> Zones,
    int NodesBefore,
    int NodesAdded,
    decimal UnitPrice)
{
    public int NodesAfter => NodesBefore + NodesAdded;

    /// <summary>What the added nodes cost per hour.</summary>
    public decimal AddedHourlyPrice => NodesAdded * UnitPrice;

    /// <summary>What the pool costs per hour after the change.</summary>
    public decimal HourlyPriceAfter => NodesAfter * UnitPrice;
}
