namespace Recommender.Solver.Rules;

/// <summary>
/// What a layout adds up to, the quantities every layout rule is stated over: allocatable vCPU (sustained), memory
/// and GPUs; the on-demand pools' vCPU and memory; nodes and pools; the spot vCPU, spot types and largest spot pool.
/// </summary>
internal readonly record struct LayoutTotals(
    long Cpu,
    long Memory,
    long Gpus,
    long OnDemandCpu,
    long OnDemandMemory,
    long Nodes,
    long Pools,
    long SpotCpu,
    long SpotTypes,
    long LargestSpotPool);
