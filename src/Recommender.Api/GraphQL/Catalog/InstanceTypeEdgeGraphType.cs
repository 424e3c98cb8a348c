using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class InstanceTypeEdgeGraphType : ObjectGraphType<InstanceTypeEdge>
{
    public InstanceTypeEdgeGraphType()
    {
        Name = "InstanceTypeEdge";
        Description = "An instance type with its cursor.";
        Field(x => x.Cursor).Description("Opaque cursor of this item; pass it as after to continue behind it.");
        Field<NonNullGraphType<InstanceTypeGraphType>>("node").Description("The instance type.").Resolve(ctx => ctx.Source.Node);
    }
}
