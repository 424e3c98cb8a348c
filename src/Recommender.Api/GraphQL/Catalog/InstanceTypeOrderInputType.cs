using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class InstanceTypeOrderInputType : InputObjectGraphType<InstanceTypeOrder>
{
    public InstanceTypeOrderInputType()
    {
        Name = "InstanceTypeOrder";
        Description = "Ordering of instance types; ties are broken by name in the same direction.";
        Field<NonNullGraphType<InstanceTypeOrderFieldGraphType>>("field").Description("Value to order by.");
        Field<OrderDirectionGraphType>("direction").Description("Direction; ascending when omitted.").DefaultValue(OrderDirection.Asc);
    }
}
