using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>
/// Current-generation general, compute and memory families (Intel, AMD, Arm) and the high clock speed families.
/// Price factors relative to g7: newer Intel slightly dearer, AMD and Arm cheaper per vCPU, high clock dearer.
/// </summary>
public static class MainstreamFamilies
{
    public static IEnumerable<FamilySpec> All()
    {
        var x86 = CpuArchitecture.X86;
        foreach (var f in LadderFamily.Trio("ecs.g7", "ecs.c7", "ecs.r7", 7, true, x86, SizeLadders.IntelGen7, 1.00m,
                     RegionTable.Everywhere))
        {
            yield return f;
        }

        foreach (var f in LadderFamily.Trio("ecs.g8i", "ecs.c8i", "ecs.r8i", 8, true, x86, SizeLadders.IntelGen8, 1.06m,
                     RegionTable.Everywhere))
        {
            yield return f;
        }

        foreach (var f in LadderFamily.Trio("ecs.g7a", "ecs.c7a", "ecs.r7a", 7, true, x86, SizeLadders.AmdGen7, 0.88m,
                     [.. RegionTable.ChinaAndSingapore, RegionTable.Frankfurt]))
        {
            yield return f;
        }

        foreach (var f in LadderFamily.Trio("ecs.g8y", "ecs.c8y", "ecs.r8y", 8, true, CpuArchitecture.Arm, SizeLadders.Yitian,
                     0.84m, RegionTable.ChinaAndSingapore))
        {
            yield return f;
        }

        yield return LadderFamily.Build("ecs.hfc7", InstanceCategory.HighClockSpeed, 7, true, x86,
            LadderFamily.ComputeGiBPerVcpu, SizeLadders.HighClockGen7, 1.15m, RegionTable.Everywhere);
        yield return LadderFamily.Build("ecs.hfg7", InstanceCategory.HighClockSpeed, 7, true, x86,
            LadderFamily.GeneralGiBPerVcpu, SizeLadders.HighClockGen7, 1.15m, RegionTable.Everywhere);
    }
}
