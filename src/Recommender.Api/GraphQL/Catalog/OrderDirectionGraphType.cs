using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class OrderDirectionGraphType : EnumerationGraphType<OrderDirection>
{
    public OrderDirectionGraphType()
    {
        Name = "OrderDirection";
        Description = "ASC (smallest first) or DESC.";
    }
}
