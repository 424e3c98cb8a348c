namespace Recommender.Core.Catalog;

public enum StoreState
{
    /// <summary>The last store operation succeeded.</summary>
    Available,

    /// <summary>The store cannot be reached; the service serves the catalog it holds in memory and keeps retrying.</summary>
    Unavailable,
}
