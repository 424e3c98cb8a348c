using GraphQL.Builders;
using GraphQL.Types;

namespace Recommender.Api.GraphQL.Cost;

/// <summary>Field metadata the cost analysis reads: which fields start a solver run, which root fields are catalog data.</summary>
public static class CostMetadata
{
    private const string SolvesKey = "recommender:solves";
    private const string CatalogDataKey = "recommender:catalog-data";

    /// <summary>Marks a field whose every occurrence (each alias) runs the solver once.</summary>
    public static FieldBuilder<TSource, TReturn> CountsAsSolve<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        Mark(field, SolvesKey);

    /// <summary>
    /// Marks a root field whose answer depends only on its arguments and the catalog's versions (no clock, no store,
    /// no caller), so an answer made only of such fields can be cached until the catalog changes.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> IsCatalogData<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        Mark(field, CatalogDataKey);

    public static bool IsSolve(FieldType field) => Has(field, SolvesKey);

    public static bool IsCatalogDataField(FieldType field) => Has(field, CatalogDataKey);

    private static FieldBuilder<TSource, TReturn> Mark<TSource, TReturn>(FieldBuilder<TSource, TReturn> field, string key)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.Metadata[key] = true;
        return field;
    }

    private static bool Has(FieldType field, string key)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.GetMetadata(key, false);
    }
}
