using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Redis.Tests;

/// <summary>Answers every request at once with one optimal pool of the region's first type: these tests are about storage.</summary>
public sealed class FixedRecommender : IRecommender
{
    public Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var type = catalog.InstanceTypes[0];
        var totals = new ResourceTotals(type.Type.Vcpu, type.Type.MemoryGiB, type.Type.GpuCount, type.Type.SustainedVcpu);
        var layout = new Layout(
            [new LayoutPool(type.Name, CapacityType.OnDemand, 1, type.OnDemandPrice, type.OnDemandPrice)],
            type.OnDemandPrice, type.OnDemandPrice * Layout.HoursPerMonth, 1, totals, totals, new ResourceTotals(0, 0, 0, 0));
        return Task.FromResult(new Recommendation(
            RecommendationStatus.Optimal, [layout], type.OnDemandPrice, 0, 1, null, catalog.Version, TimeSpan.Zero, catalog.Currency));
    }
}
