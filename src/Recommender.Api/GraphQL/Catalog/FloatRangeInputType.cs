using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class FloatRangeInputType : InputObjectGraphType<FloatRange>
{
    public FloatRangeInputType()
    {
        Name = "FloatRange";
        Description = "Inclusive range; omit a bound to leave it open. Bounds must not be negative and min <= max.";
        Field(x => x.Min, nullable: true).Description("Lowest accepted value.");
        Field(x => x.Max, nullable: true).Description("Highest accepted value.");
    }
}
