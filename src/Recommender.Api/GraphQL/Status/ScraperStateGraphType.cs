using GraphQL.Types;
using Recommender.Api.GraphQL.Refresh;
using Recommender.Scrapers.Status;

namespace Recommender.Api.GraphQL.Status;

public sealed class ScraperStateGraphType : ObjectGraphType<ScraperState>
{
    public ScraperStateGraphType()
    {
        Name = "ScraperState";
        Description = "Whether the scrapers run in this process, and on which job store.";
        Field<NonNullGraphType<ScraperModeGraphType>>("mode").Description("Whether the schedule runs; DISABLED and FAILED come with a reason.").Resolve(ctx => ctx.Source.Mode);
        Field("reason", x => x.Reason, nullable: true)
            .Description("Why the scrapers are DISABLED or FAILED, e.g. no cloud provider or no credentials.");
        Field("jobStore", x => x.JobStore).Description("memory, or postgresql (clustered schedule shared by every replica).");
        Field("schedulerInstanceId", x => x.SchedulerInstanceId, nullable: true).Description("This node's id in the scheduler cluster.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProviderDiscoveryStatusGraphType>>>>("providers")
            .Description("Region discovery per provider, once it has run.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<IRefreshStatus>().GetProviders());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionRefreshStatusGraphType>>>>("regions")
            .Description("Every region the scrapers discovered or refreshed, including listed regions whose first refresh failed and so are not in the catalog.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<IRefreshStatus>().GetRegions());
    }
}
