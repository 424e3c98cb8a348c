using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <param name="PriceFactor">Multiplier of the price model in this region (mainland China is the 1.00 baseline).</param>
public sealed record RegionSpec(string Id, string Name, decimal PriceFactor, IReadOnlyList<Zone> Zones)
{
    public Region ToRegion() => new(Id, Name, Zones);
}
