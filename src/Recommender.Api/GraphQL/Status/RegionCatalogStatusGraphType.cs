using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Status;

public sealed class RegionCatalogStatusGraphType : ObjectGraphType<RegionCatalogStatus>
{
    public RegionCatalogStatusGraphType()
    {
        Name = "RegionCatalogStatus";
        Description = "Freshness of one region's data. Stale data is still served.";
        Field("provider", x => x.Key.Provider).Description("Provider id.");
        Field("region", x => x.Key.Region).Description("Region id.");
        Field<NonNullGraphType<CatalogSourceGraphType>>("source").Description("Where the data came from.").Resolve(ctx => ctx.Source.Source);
        Field(x => x.UpdatedAt).Description("When the data was produced.");
        Field("ageSeconds", x => x.Age.TotalSeconds).Description("Seconds since updatedAt.");
        Field("stale", x => x.IsStale).Description("Older than the configured limit; distrust prices.");
        Field(x => x.Version).Description("Producer's monotonic version of the region.");
        Field(x => x.InstanceTypeCount).Description("Instance types held for the region.");
    }
}
