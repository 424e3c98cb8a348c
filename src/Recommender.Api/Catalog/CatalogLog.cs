using Recommender.Core.Snapshots;

namespace Recommender.Api.Catalog;

/// <summary>Log messages of the catalog's hosting (source-generated).</summary>
internal static partial class CatalogLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog loaded from {Origin} {Source}: {RegionCount} regions")]
    public static partial void Loaded(ILogger logger, CatalogLoadOrigin origin, string source, int regionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog file {File} not imported: the store already holds the catalog")]
    public static partial void FileIgnored(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog snapshot {Source} is invalid at {Path}: {Reason}; the catalog is unchanged")]
    public static partial void InvalidSnapshot(ILogger logger, string source, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog snapshot {Source} could not be read; the catalog is unchanged")]
    public static partial void UnreadableSnapshot(ILogger logger, Exception error, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog store unavailable, serving the catalog held in memory: {Error}")]
    public static partial void StoreUnavailable(ILogger logger, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog store available again")]
    public static partial void StoreAvailable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog exported to {File}: {RegionCount} regions")]
    public static partial void Exported(ILogger logger, string file, int regionCount);
}
