using Recommender.Core.Catalog;

namespace Recommender.Core.Snapshots;

/// <summary>
/// A catalog snapshot file (format <see cref="CurrentFormat"/>, JSON Schema in schema/catalog.schema.json):
/// what <c>--catalog</c> imports, what the export writes, and the shape of the shipped sample.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>; a reader refuses anything else.</param>
/// <param name="Notice">Free text shown to operators, e.g. where the prices come from and how current they are.</param>
public sealed record CatalogDocument(
    string Format,
    DateTimeOffset GeneratedAt,
    string? Notice,
    IReadOnlyList<Provider> Providers,
    IReadOnlyList<RegionCatalog> Regions)
{
    public const string CurrentFormat = "recommender-catalog/v1";
}
