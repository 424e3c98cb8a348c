namespace Recommender.Core.Snapshots;

/// <summary>Where the catalog served after start-up came from.</summary>
public enum CatalogLoadOrigin
{
    /// <summary>The shared store already held regions (another replica or a scraper wrote them).</summary>
    Store,

    /// <summary>The operator's snapshot file (<c>Catalog:File</c> or <c>--catalog</c>).</summary>
    File,

    /// <summary>The sample compiled into the service.</summary>
    Sample,

    /// <summary>Nothing could be loaded; see <see cref="CatalogLoadResult.Error"/>.</summary>
    None,
}
