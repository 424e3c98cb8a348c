using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>
/// Families treated as previous generation (IsCurrentGeneration = false). g6/c6/r6 are still sold everywhere; the
/// older ones only in long-established regions. Price factors stay close to g7's: old hardware is not sold much cheaper.
/// </summary>
public static class PreviousGenerationFamilies
{
    public static IEnumerable<FamilySpec> All()
    {
        var x86 = CpuArchitecture.X86;
        foreach (var f in LadderFamily.Trio("ecs.g6", "ecs.c6", "ecs.r6", 6, false, x86, SizeLadders.IntelGen6, 0.97m,
                     RegionTable.Everywhere))
        {
            yield return f;
        }

        foreach (var f in LadderFamily.Trio("ecs.g5", "ecs.c5", "ecs.r5", 5, false, x86, SizeLadders.IntelGen5, 1.00m,
                     RegionTable.Established))
        {
            yield return f;
        }

        // sn1ne/sn2ne carry no generation digit in their names.
        yield return LadderFamily.Build("ecs.sn1ne", InstanceCategory.Compute, 0, false, x86, LadderFamily.ComputeGiBPerVcpu,
            SizeLadders.NetworkEnhanced, 1.05m, RegionTable.MainlandChina);
        yield return LadderFamily.Build("ecs.sn2ne", InstanceCategory.General, 0, false, x86, LadderFamily.GeneralGiBPerVcpu,
            [.. SizeLadders.NetworkEnhanced, SizeLadders.NetworkEnhancedLargest], 1.05m, RegionTable.MainlandChina);
    }
}
