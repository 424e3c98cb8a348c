namespace Recommender.Core.Catalog;

/// <summary>The in-process read side of the catalog. Every reader takes <see cref="Current"/> once per request.</summary>
public interface ICatalog
{
    CatalogSnapshot Current { get; }
}
