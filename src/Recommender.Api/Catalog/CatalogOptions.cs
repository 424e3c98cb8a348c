namespace Recommender.Api.Catalog;

/// <summary>Section <c>Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Key the default host maps <c>--catalog path</c> to.</summary>
    public const string CommandLineKey = "catalog";

    /// <summary>Snapshot file imported at start when the store is empty; null imports the embedded sample.</summary>
    public string? File { get; set; }

    /// <summary>How often the store is polled for newer regions and for regions it still has to receive.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Regions older than this are reported stale (still served).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(24);
}
