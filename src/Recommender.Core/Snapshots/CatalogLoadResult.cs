namespace Recommender.Core.Snapshots;

/// <summary>What the start-up load did, for the log and for tests.</summary>
/// <param name="Source">The file path, the sample's resource name, or <c>store</c>.</param>
/// <param name="Error">Why the file or sample was not loaded; a <see cref="Errors.CatalogFormatException"/> names the place.</param>
public sealed record CatalogLoadResult(CatalogLoadOrigin Origin, string Source, int RegionCount, Exception? Error);
