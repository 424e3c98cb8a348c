using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class ZonePriceGraphType : ObjectGraphType<ZonePrice>
{
    public ZonePriceGraphType()
    {
        Name = "ZonePrice";
        Description = "Hourly price of one node in a zone, in the region's currency.";
        Field(x => x.Zone).Description("Zone id.");
        Field(x => x.Price).Description("Hourly price.");
    }
}
