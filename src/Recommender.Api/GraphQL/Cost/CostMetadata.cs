using GraphQL.Builders;
using GraphQL.Types;

namespace Recommender.Api.GraphQL.Cost;

/// <summary>Field metadata the cost analysis reads: which fields start a solver run.</summary>
public static class CostMetadata
{
    private const string SolvesKey = "recommender:solves";

    /// <summary>Marks a field whose every occurrence (each alias) runs the solver once.</summary>
    public static FieldBuilder<TSource, TReturn> CountsAsSolve<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.Metadata[SolvesKey] = true;
        return field;
    }

    public static bool IsSolve(FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.GetMetadata(SolvesKey, false);
    }
}
