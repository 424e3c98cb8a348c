namespace Recommender.Core.Catalog;

/// <summary>Health of the catalog and freshness per region, computed on demand from the current snapshot.</summary>
public interface ICatalogStatus
{
    CatalogHealthReport GetHealth();

    IReadOnlyList<RegionCatalogStatus> GetRegions();
}
