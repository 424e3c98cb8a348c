using Recommender.Alibaba.Ecs;
using Recommender.Core.Catalog;

namespace Recommender.Alibaba.Catalog;

/// <summary>Maps a DescribeInstanceTypes item to our hardware record.</summary>
internal static class InstanceTypeMapper
{
    /// <summary>ECS reports bandwidth in Kbit/s with 1 Gbit/s written as 1,024,000 (contract §3.3).</summary>
    public const double KbitPerGbit = 1_024_000;

    public const string CreditFamilyLevel = "CreditEntryLevel";

    /// <summary>
    /// ECS documents BaselineCredit as the baseline performance summed over all vCPUs (t6.large, 2 vCPUs at 10 %: 20);
    /// our model keeps the per-vCPU share. Without a BaselineCredit (absent or 0) the family's fallback
    /// (<see cref="BurstBaselines"/>) stands in.
    /// </summary>
    public static double BaselinePercentPerVcpu(EcsInstanceType item, string family) =>
        item.CpuCoreCount > 0 && item.BaselineCredit is > 0 and var credit
            ? Math.Min(100, credit / (double)item.CpuCoreCount)
            : BurstBaselines.Fallback(family);

    public static InstanceType Map(EcsInstanceType item)
    {
        var family = string.IsNullOrEmpty(item.InstanceTypeFamily) ? FamilyTable.FamilyOf(item.InstanceTypeId) : item.InstanceTypeFamily;
        var category = FamilyTable.Category(family);
        // A credit type by its family level; an item without a level is judged by its family (t5, t6).
        var isCredit = string.IsNullOrEmpty(item.InstanceFamilyLevel)
            ? category == InstanceCategory.Burstable
            : string.Equals(item.InstanceFamilyLevel, CreditFamilyLevel, StringComparison.Ordinal);
        if (isCredit)
        {
            category = InstanceCategory.Burstable;
        }

        var gpuCount = item.GPUAmount ?? 0;
        var storage = item.LocalStorageAmount is > 0 && item.LocalStorageCapacity is > 0
            ? new LocalStorage(item.LocalStorageAmount.Value, item.LocalStorageCapacity.Value, item.LocalStorageCategory ?? string.Empty)
            : null;
        return new InstanceType(
            Name: item.InstanceTypeId,
            Family: family,
            Category: category,
            Generation: FamilyTable.Generation(family),
            IsCurrentGeneration: FamilyTable.IsCurrentGeneration(family),
            Architecture: string.Equals(item.CpuArchitecture, "ARM", StringComparison.OrdinalIgnoreCase) ? CpuArchitecture.Arm : CpuArchitecture.X86,
            Vcpu: item.CpuCoreCount,
            MemoryGiB: item.MemorySize,
            GpuCount: gpuCount,
            GpuModel: gpuCount > 0 && !string.IsNullOrEmpty(item.GPUSpec) ? item.GPUSpec : null,
            GpuMemoryGiB: gpuCount > 0 ? item.GPUMemorySize ?? 0 : 0,
            NetworkBandwidthGbps: (item.InstanceBandwidthRx ?? 0) / KbitPerGbit,
            PacketsPerSecond: item.InstancePpsRx ?? 0,
            EniCount: item.EniQuantity ?? 0,
            BurstBaselinePercent: isCredit ? BaselinePercentPerVcpu(item, family) : null,
            LocalStorage: storage);
    }
}
