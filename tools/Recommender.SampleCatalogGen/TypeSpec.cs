using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>The documented hardware of one instance type, before it is placed in a family and priced.</summary>
/// <param name="Name">Full type id, e.g. <c>ecs.g7.large</c>.</param>
/// <param name="BandwidthGbps">Baseline (not burst) bandwidth.</param>
public sealed record TypeSpec(string Name, int Vcpu, double MemoryGiB, double BandwidthGbps, long PacketsPerSecond, int EniCount)
{
    public int GpuCount { get; init; }

    public LocalStorage? LocalStorage { get; init; }

    public double? BurstBaselinePercent { get; init; }
}
