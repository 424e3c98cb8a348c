namespace Recommender.Core.Errors;

/// <summary>A catalog snapshot file is malformed; <see cref="Path"/> names the place (a JSON path such as $.providers[0].regions[2]).</summary>
public sealed class CatalogFormatException(string path, string message, Exception? inner = null)
    : RecommenderException($"Invalid catalog at {path}: {message}", inner)
{
    public string Path { get; } = path;

    public override string Code => ErrorCodes.InvalidCatalog;
}
