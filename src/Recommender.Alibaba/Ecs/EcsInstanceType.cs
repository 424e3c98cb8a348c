namespace Recommender.Alibaba.Ecs;

/// <summary>One DescribeInstanceTypes item (SDK model types: bandwidth in Kbit/s, memory in GiB).</summary>
internal sealed record EcsInstanceType(
    string InstanceTypeId,
    string? InstanceTypeFamily,
    string? InstanceCategory,
    string? InstanceFamilyLevel,
    int CpuCoreCount,
    double MemorySize,
    string? CpuArchitecture,
    string? PhysicalProcessorModel,
    int? BaselineCredit,
    int? GPUAmount,
    string? GPUSpec,
    double? GPUMemorySize,
    long? InstanceBandwidthRx,
    long? InstanceBandwidthTx,
    long? InstancePpsRx,
    long? InstancePpsTx,
    int? EniQuantity,
    int? LocalStorageAmount,
    long? LocalStorageCapacity,
    string? LocalStorageCategory);
