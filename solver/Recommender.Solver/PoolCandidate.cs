using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver;

/// <summary>
/// One possible pool after filtering: an instance type bought one way, with integer-scaled allocatable capacity and
/// price (the CP-SAT "data" block needs integers).
/// </summary>
/// <param name="CpuMillis">Allocatable millicores the node sustains (burstable types at their baseline share).</param>
/// <param name="UnitPrice">Hourly price of one node in the catalog's currency (spot: highest among the zones).</param>
/// <param name="PriceMicros">UnitPrice in millionths, rounded half away from zero.</param>
/// <param name="TypeIndex">Index of the instance type among the problem's distinct types (alternatives use it).</param>
/// <param name="Shape">Index of the (vCPU, memory) size among the problem's distinct sizes (sameSize uses it).</param>
public sealed record PoolCandidate(
    InstanceOffering Offering,
    CapacityType CapacityType,
    decimal UnitPrice,
    long PriceMicros,
    long CpuMillis,
    long MemoryMiB,
    int Gpus,
    int TypeIndex,
    int Shape)
{
    public string Name => Offering.Name;

    public bool IsSpot => CapacityType == CapacityType.Spot;

    public override string ToString() => $"{Name}/{CapacityType}";
}
