using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class IntRangeInputType : InputObjectGraphType<IntRange>
{
    public IntRangeInputType()
    {
        Name = "IntRange";
        Description = "Inclusive integer range; omit a bound to leave it open. Bounds must not be negative and min <= max.";
        Field(x => x.Min, nullable: true).Description("Lowest accepted value.");
        Field(x => x.Max, nullable: true).Description("Highest accepted value.");
    }
}
