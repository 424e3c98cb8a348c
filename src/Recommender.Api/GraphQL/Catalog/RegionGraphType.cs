using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class RegionGraphType : ObjectGraphType<Region>
{
    public RegionGraphType()
    {
        Name = "Region";
        Description = "A provider region we hold a catalog for.";
        Field(x => x.Id).Description("Region id, e.g. cn-hangzhou; use it as the region argument.");
        Field(x => x.Name).Description("Human-readable region name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ZoneGraphType>>>>("zones")
            .Description("Availability zones of the region.")
            .Resolve(ctx => ctx.Source.Zones);
    }
}
