using Recommender.Core.Catalog;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>An <see cref="ICatalog"/> holding one region that a test may replace (a price moved, a type sold out).</summary>
public sealed class TestCatalog(RegionCatalog region) : ICatalog
{
    public CatalogSnapshot Current { get; private set; } = new([KnownProviders.Alibaba], [region]);

    public RegionCatalog Region => Current.Regions[0];

    public void Replace(RegionCatalog region) => Current = new CatalogSnapshot([KnownProviders.Alibaba], [region]);
}
