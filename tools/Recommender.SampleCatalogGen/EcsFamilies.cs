namespace Recommender.SampleCatalogGen;

/// <summary>Every family of the sample, in the order the catalog lists them.</summary>
public static class EcsFamilies
{
    public static IReadOnlyList<FamilySpec> All { get; } =
    [
        .. MainstreamFamilies.All(),
        .. EntryFamilies.All(),
        .. GpuFamilies.All(),
        .. StorageFamilies.All(),
        .. PreviousGenerationFamilies.All(),
    ];
}
