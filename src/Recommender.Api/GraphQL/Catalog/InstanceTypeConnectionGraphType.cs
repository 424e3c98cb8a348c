using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class InstanceTypeConnectionGraphType : ObjectGraphType<InstanceTypePage>
{
    public InstanceTypeConnectionGraphType()
    {
        Name = "InstanceTypeConnection";
        Description = "A page of instance types (Relay connection).";
        Field(x => x.TotalCount).Description("Instance types matching the filter, over all pages.");
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Paging state.").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstanceTypeEdgeGraphType>>>>("edges")
            .Description("The page's items with their cursors.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstanceTypeGraphType>>>>("nodes")
            .Description("The page's items without cursors.")
            .Resolve(ctx => ctx.Source.Nodes);
    }
}
