using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class ZoneAvailabilityGraphType : ObjectGraphType<ZoneAvailability>
{
    public ZoneAvailabilityGraphType()
    {
        Name = "ZoneAvailability";
        Description = "Whether a zone that offers the type can sell it right now.";
        Field(x => x.Zone).Description("Zone id.");
        Field<NonNullGraphType<StockStatusGraphType>>("status").Description("Stock in the zone.").Resolve(ctx => ctx.Source.Status);
    }
}
