using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class StockStatusGraphType : EnumerationGraphType<StockStatus>
{
    public StockStatusGraphType()
    {
        Name = "StockStatus";
        Description = "Stock of an instance type in a zone.";
    }
}
