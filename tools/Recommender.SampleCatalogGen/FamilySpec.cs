using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>One real ECS instance family: what its types share, where it is sold and how it is priced.</summary>
/// <param name="Family">Family id, e.g. <c>ecs.g7</c>.</param>
/// <param name="Generation">Generation as in the family name (7 for g7); 0 when the name carries none.</param>
/// <param name="Regions">Region ids of <see cref="RegionTable"/> that sell the family in the sample.</param>
public sealed record FamilySpec(
    string Family,
    InstanceCategory Category,
    int Generation,
    bool IsCurrentGeneration,
    CpuArchitecture Architecture,
    PriceRates Rates,
    IReadOnlyList<string> Regions,
    IReadOnlyList<TypeSpec> Types)
{
    public string? GpuModel { get; init; }

    /// <summary>Memory of each GPU.</summary>
    public double GpuMemoryGiB { get; init; }

    public bool IsSoldIn(string regionId) => Regions.Contains(regionId, StringComparer.Ordinal);

    public InstanceType ToInstanceType(TypeSpec spec) => new(
        spec.Name,
        Family,
        Category,
        Generation,
        IsCurrentGeneration,
        Architecture,
        spec.Vcpu,
        spec.MemoryGiB,
        spec.GpuCount,
        spec.GpuCount > 0 ? GpuModel : null,
        spec.GpuCount > 0 ? GpuMemoryGiB : 0,
        spec.BandwidthGbps,
        spec.PacketsPerSecond,
        spec.EniCount,
        spec.BurstBaselinePercent,
        spec.LocalStorage);
}
