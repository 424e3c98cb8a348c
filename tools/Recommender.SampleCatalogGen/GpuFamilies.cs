using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>
/// GPU families with their documented vCPU, memory and GPU count per type. The per-GPU price component reflects the
/// relative cost of the cards (T4 &lt; A10 &lt; V100 &lt; A100); host vCPU and memory are priced at standard rates.
/// </summary>
public static class GpuFamilies
{
    public static IEnumerable<FamilySpec> All()
    {
        yield return new FamilySpec("ecs.gn6i", InstanceCategory.Gpu, 6, true, CpuArchitecture.X86,
            PriceRates.Standard.WithGpu(0.45m), RegionTable.Everywhere,
            [
                Gpu("ecs.gn6i-c4g1.xlarge", 4, 15, 1, 4, 2_500_000, 2),
                Gpu("ecs.gn6i-c8g1.2xlarge", 8, 31, 1, 5, 2_500_000, 2),
                Gpu("ecs.gn6i-c16g1.4xlarge", 16, 62, 1, 6, 2_500_000, 3),
                Gpu("ecs.gn6i-c24g1.6xlarge", 24, 93, 1, 7.5, 2_500_000, 4),
                Gpu("ecs.gn6i-c40g1.10xlarge", 40, 155, 1, 10, 1_600_000, 10),
                Gpu("ecs.gn6i-c24g1.12xlarge", 48, 186, 2, 15, 4_500_000, 6),
                Gpu("ecs.gn6i-c24g1.24xlarge", 96, 372, 4, 30, 4_500_000, 8),
            ]) { GpuModel = "NVIDIA T4", GpuMemoryGiB = 16 };

        yield return new FamilySpec("ecs.gn6v", InstanceCategory.Gpu, 6, true, CpuArchitecture.X86,
            PriceRates.Standard.WithGpu(1.55m), RegionTable.Established,
            [
                Gpu("ecs.gn6v-c8g1.2xlarge", 8, 32, 1, 2.5, 800_000, 4),
                Gpu("ecs.gn6v-c8g1.4xlarge", 16, 64, 2, 5, 1_000_000, 4),
                Gpu("ecs.gn6v-c8g1.8xlarge", 32, 128, 4, 10, 2_000_000, 8),
                Gpu("ecs.gn6v-c8g1.16xlarge", 64, 256, 8, 20, 2_500_000, 8),
                Gpu("ecs.gn6v-c10g1.20xlarge", 82, 336, 8, 32, 4_500_000, 8),
            ]) { GpuModel = "NVIDIA V100", GpuMemoryGiB = 16 };

        yield return new FamilySpec("ecs.gn7i", InstanceCategory.Gpu, 7, true, CpuArchitecture.X86,
            PriceRates.Standard.WithGpu(0.95m), RegionTable.ChinaAndSingapore,
            [
                Gpu("ecs.gn7i-c8g1.2xlarge", 8, 30, 1, 16, 1_600_000, 4),
                Gpu("ecs.gn7i-c16g1.4xlarge", 16, 60, 1, 16, 3_000_000, 8),
                Gpu("ecs.gn7i-c32g1.8xlarge", 32, 188, 1, 16, 6_000_000, 8),
                Gpu("ecs.gn7i-c48g1.12xlarge", 48, 310, 1, 16, 6_000_000, 8),
                Gpu("ecs.gn7i-c56g1.14xlarge", 56, 346, 1, 16, 6_000_000, 8),
                Gpu("ecs.gn7i-c32g1.16xlarge", 64, 376, 2, 32, 12_000_000, 15),
                Gpu("ecs.gn7i-c32g1.32xlarge", 128, 752, 4, 64, 24_000_000, 15),
                Gpu("ecs.gn7i-2x.8xlarge", 32, 128, 2, 16, 6_000_000, 8),
                Gpu("ecs.gn7i-4x.8xlarge", 32, 128, 4, 16, 6_000_000, 8),
                Gpu("ecs.gn7i-4x.16xlarge", 64, 256, 4, 32, 12_000_000, 8),
                Gpu("ecs.gn7i-8x.16xlarge", 64, 256, 8, 32, 12_000_000, 8),
                Gpu("ecs.gn7i-8x.32xlarge", 128, 512, 8, 64, 24_000_000, 16),
            ]) { GpuModel = "NVIDIA A10", GpuMemoryGiB = 24 };

        yield return new FamilySpec("ecs.gn7", InstanceCategory.Gpu, 7, true, CpuArchitecture.X86,
            PriceRates.Standard.WithGpu(2.60m), [RegionTable.Hangzhou, RegionTable.Shanghai, RegionTable.Beijing],
            [
                Gpu("ecs.gn7-c12g1.3xlarge", 12, 94, 1, 4, 2_500_000, 4),
                Gpu("ecs.gn7-c13g1.13xlarge", 52, 378, 4, 16, 9_000_000, 8),
                Gpu("ecs.gn7-c13g1.26xlarge", 104, 756, 8, 30, 18_000_000, 15),
            ]) { GpuModel = "NVIDIA A100", GpuMemoryGiB = 40 };
    }

    private static TypeSpec Gpu(string name, int vcpu, double gib, int gpus, double gbps, long pps, int enis) =>
        new(name, vcpu, gib, gbps, pps, enis) { GpuCount = gpus };
}
