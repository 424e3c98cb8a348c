using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>
/// The cheap end: universal u1 (several memory ratios per size, named <c>ecs.u1-c1mN.size</c>) and the burstable t6
/// and t5 families, whose sustained CPU share per vCPU (baseline) is documented per type.
/// </summary>
public static class EntryFamilies
{
    public static IEnumerable<FamilySpec> All()
    {
        yield return Universal();
        yield return T6();
        yield return T5();
    }

    /// <summary>u1 mixes host generations, so Alibaba gives it no generation comparable to g7: 0.</summary>
    private static FamilySpec Universal()
    {
        int[] gibPerVcpu = [1, 2, 4, 8];
        var types = gibPerVcpu
            .SelectMany(m => SizeLadders.Build($"ecs.u1-c1m{m}", m, SizeLadders.Universal))
            .ToList();
        return new FamilySpec("ecs.u1", InstanceCategory.General, 0, true, CpuArchitecture.X86,
            PriceRates.Standard.Scaled(0.80m), RegionTable.Everywhere, types);
    }

    private static FamilySpec T6() => new("ecs.t6", InstanceCategory.Burstable, 6, true, CpuArchitecture.X86,
        PriceRates.Burstable, RegionTable.Everywhere,
        [
            Burst("ecs.t6-c4m1.large", 2, 0.5, 0.08, 60_000, 2, 5),
            Burst("ecs.t6-c2m1.large", 2, 1, 0.1, 60_000, 2, 10),
            Burst("ecs.t6-c1m1.large", 2, 2, 0.2, 100_000, 2, 20),
            Burst("ecs.t6-c1m2.large", 2, 4, 0.4, 100_000, 2, 20),
            Burst("ecs.t6-c1m4.large", 2, 8, 0.4, 100_000, 2, 30),
            Burst("ecs.t6-c1m2.xlarge", 4, 8, 0.6, 200_000, 2, 20),
            Burst("ecs.t6-c1m4.xlarge", 4, 16, 0.8, 200_000, 2, 30),
            Burst("ecs.t6-c1m2.2xlarge", 8, 16, 1.2, 400_000, 2, 20),
            Burst("ecs.t6-c1m4.2xlarge", 8, 32, 1.2, 400_000, 2, 40),
        ]);

    private static FamilySpec T5() => new("ecs.t5", InstanceCategory.Burstable, 5, true, CpuArchitecture.X86,
        PriceRates.Burstable.Scaled(1.10m), RegionTable.Everywhere,
        [
            Burst("ecs.t5-lc2m1.nano", 1, 0.5, 0.1, 40_000, 1, 10),
            Burst("ecs.t5-lc1m1.small", 1, 1, 0.2, 60_000, 1, 10),
            Burst("ecs.t5-lc1m2.small", 1, 2, 0.2, 60_000, 1, 10),
            Burst("ecs.t5-lc1m2.large", 2, 4, 0.4, 100_000, 2, 10),
            Burst("ecs.t5-lc1m4.large", 2, 8, 0.4, 100_000, 2, 10),
            Burst("ecs.t5-c1m1.large", 2, 2, 0.5, 100_000, 2, 15),
            Burst("ecs.t5-c1m2.large", 2, 4, 0.5, 100_000, 2, 15),
            Burst("ecs.t5-c1m4.large", 2, 8, 0.5, 100_000, 2, 15),
            Burst("ecs.t5-c1m1.xlarge", 4, 4, 0.8, 200_000, 2, 15),
            Burst("ecs.t5-c1m2.xlarge", 4, 8, 0.8, 200_000, 2, 15),
            Burst("ecs.t5-c1m4.xlarge", 4, 16, 0.8, 200_000, 2, 15),
            Burst("ecs.t5-c1m1.2xlarge", 8, 8, 1.2, 400_000, 2, 15),
            Burst("ecs.t5-c1m2.2xlarge", 8, 16, 1.2, 400_000, 2, 15),
            Burst("ecs.t5-c1m4.2xlarge", 8, 32, 1.2, 400_000, 2, 15),
            Burst("ecs.t5-c1m1.4xlarge", 16, 16, 1.2, 600_000, 2, 25),
            Burst("ecs.t5-c1m2.4xlarge", 16, 32, 1.2, 600_000, 2, 25),
        ]);

    private static TypeSpec Burst(string name, int vcpu, double gib, double gbps, long pps, int enis, double baselinePercent) =>
        new(name, vcpu, gib, gbps, pps, enis) { BurstBaselinePercent = baselinePercent };
}
