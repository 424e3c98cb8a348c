using GraphQL.Types;
using Recommender.Scrapers.Status;

namespace Recommender.Api.GraphQL.Refresh;

public sealed class RegionRefreshStatusGraphType : ObjectGraphType<RegionRefreshStatus>
{
    public RegionRefreshStatusGraphType()
    {
        Name = "RegionRefreshStatus";
        Description = "What the scrapers know about one region: one entry per kind of refresh.";
        Field("provider", x => x.Key.Provider).Description("Provider id.");
        Field("region", x => x.Key.Region).Description("Region id.");
        Field("listedByProvider", x => x.IsListedByProvider)
            .Description("False when the provider's last region list left the region out: its last data is served, not refreshed.");
        Field("stale", x => x.IsStale).Description("Any kind of data is stale.");
        Field("catalogUpdatedAt", x => x.CatalogUpdatedAt, nullable: true).Description("Timestamp of the region's catalog now served.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RefreshKindStatusGraphType>>>>("kinds")
            .Description("One entry per refresh kind.")
            .Resolve(ctx => ctx.Source.Kinds);
    }
}
