using GraphQL.Types;
using Recommender.Scrapers.Status;

namespace Recommender.Api.GraphQL.Refresh;

public sealed class ProviderDiscoveryStatusGraphType : ObjectGraphType<ProviderDiscoveryStatus>
{
    public ProviderDiscoveryStatusGraphType()
    {
        Name = "ProviderDiscoveryStatus";
        Description = "Region discovery of one provider: the scrapers ask each provider for its regions before refreshing them.";
        Field("provider", x => x.Provider).Description("Provider id.");
        Field("lastAttemptAt", x => x.LastAttemptAt, nullable: true).Description("When discovery last ran.");
        Field("lastSuccessAt", x => x.LastSuccessAt, nullable: true).Description("When discovery last succeeded.");
        Field("regionCount", x => x.RegionCount).Description("Regions listed by the last successful discovery (after the allow-list).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("missingRegions")
            .Description("Regions held in the catalog that the provider no longer lists; their last data is still served.")
            .Resolve(ctx => ctx.Source.MissingRegions);
        Field<RefreshErrorGraphType>("lastError").Description("Error of the last discovery; stays until discovery succeeds again.")
            .Resolve(ctx => ctx.Source.LastError);
    }
}
