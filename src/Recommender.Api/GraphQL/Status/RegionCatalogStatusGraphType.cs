using GraphQL.Types;
using Recommender.Api.GraphQL.Refresh;
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
        Field<NonNullGraphType<BooleanGraphType>>("stale")
            .Description("Older than the configured limit, or a kind of data not refreshed within its limit; distrust prices.")
            .Resolve(ctx => ctx.Source.IsStale || ctx.RefreshOf()?.IsStale == true);
        Field(x => x.Version).Description("Producer's monotonic version of the region.");
        Field(x => x.InstanceTypeCount).Description("Instance types held for the region.");
        Field<BooleanGraphType>("listedByProvider")
            .Description("False when the provider's last region list left the region out; null when the scrapers never saw it.")
            .Resolve(ctx => ctx.RefreshOf()?.IsListedByProvider);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RefreshKindStatusGraphType>>>>("refresh")
            .Description("Refresh history per kind since this process started; empty when the scrapers never touched the region.")
            .Resolve(ctx => ctx.RefreshOf()?.Kinds ?? []);
    }
}
