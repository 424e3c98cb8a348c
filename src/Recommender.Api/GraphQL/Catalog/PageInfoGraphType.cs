using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class PageInfoGraphType : ObjectGraphType<InstanceTypePage>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where this page sits in the result.";
        Field("hasNextPage", x => x.HasNextPage).Description("True when more items follow; pass endCursor as after to get them.");
        Field("endCursor", x => x.EndCursor, nullable: true).Description("Cursor of the last item of this page; null for an empty page.");
    }
}
