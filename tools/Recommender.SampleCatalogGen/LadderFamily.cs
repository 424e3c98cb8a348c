using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>Builds the regular families whose every size is a rung of a shared ladder with a fixed memory ratio.</summary>
public static class LadderFamily
{
    /// <summary>vCPU:GiB ratio of Alibaba's g (general), c (compute) and r (memory) families.</summary>
    public const double GeneralGiBPerVcpu = 4;
    public const double ComputeGiBPerVcpu = 2;
    public const double MemoryGiBPerVcpu = 8;

    /// <summary>The g, c and r siblings of one platform, e.g. g7/c7/r7, all with the same ladder and price factor.</summary>
    public static IEnumerable<FamilySpec> Trio(
        string gFamily, string cFamily, string rFamily, int generation, bool isCurrent, CpuArchitecture architecture,
        IReadOnlyList<SizeStep> ladder, decimal priceFactor, IReadOnlyList<string> regions)
    {
        yield return Build(gFamily, InstanceCategory.General, generation, isCurrent, architecture, GeneralGiBPerVcpu,
            ladder, priceFactor, regions);
        yield return Build(cFamily, InstanceCategory.Compute, generation, isCurrent, architecture, ComputeGiBPerVcpu,
            ladder, priceFactor, regions);
        yield return Build(rFamily, InstanceCategory.Memory, generation, isCurrent, architecture, MemoryGiBPerVcpu,
            ladder, priceFactor, regions);
    }

    public static FamilySpec Build(
        string family, InstanceCategory category, int generation, bool isCurrent, CpuArchitecture architecture,
        double gibPerVcpu, IReadOnlyList<SizeStep> ladder, decimal priceFactor, IReadOnlyList<string> regions) =>
        new(family, category, generation, isCurrent, architecture, PriceRates.Standard.Scaled(priceFactor), regions,
            SizeLadders.Build(family, gibPerVcpu, ladder));
}
