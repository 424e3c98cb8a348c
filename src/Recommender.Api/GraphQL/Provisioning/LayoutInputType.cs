using GraphQL.Types;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class LayoutInputType : InputObjectGraphType
{
    public LayoutInputType()
    {
        Name = "LayoutInput";
        Description = "A layout as data: the node pools a cluster should have.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodePoolInputType>>>>("pools").Description("At least one.");
    }
}
