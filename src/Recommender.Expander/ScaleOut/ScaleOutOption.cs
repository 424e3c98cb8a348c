using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// One way to add nodes: grow an existing pool (<see cref="PoolIndex"/> set) or add a new pool of one type and
/// capacity type over <see cref="Zones"/>. A grown node costs what a new node of that type costs; it counts against
/// the pool's max size, a new pool against the request's max new pools.
/// </summary>
/// <param name="PoolIndex">Position of the existing pool grown; null for a new pool.</param>
/// <param name="Zones">Zones the nodes would be spread over (a single zone is what a zone selector needs).</param>
/// <param name="UnitPrice">Hourly price of one node.</param>
/// <param name="MaxNodes">Most nodes this option may add.</param>
/// <param name="MilliCpu">Allocatable vCPU of one node, sustained (burstable types at their baseline), millicores.</param>
/// <param name="MemoryMiB">Allocatable memory of one node, MiB.</param>
public sealed record ScaleOutOption(
    int? PoolIndex,
    InstanceOffering Offering,
    CapacityType CapacityType,
    IReadOnlyList<string> Zones,
    decimal UnitPrice,
    int MaxNodes,
    long MilliCpu,
    long MemoryMiB,
    int Gpus)
{
    public bool IsGrowth => PoolIndex is not null;

    public override string ToString() =>
        $"{(IsGrowth ? $"grow pool {PoolIndex}" : "new pool")} {Offering.Name}/{CapacityType} in [{string.Join(",", Zones)}] at {UnitPrice}/h";
}
