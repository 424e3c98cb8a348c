namespace Recommender.Core.Catalog;

/// <summary>Where a region's data came from.</summary>
public enum CatalogSource
{
    /// <summary>Scraped from the provider's API by this service.</summary>
    Live,

    /// <summary>Imported from a catalog snapshot file (the shipped sample, or an operator's export).</summary>
    Snapshot,
}
