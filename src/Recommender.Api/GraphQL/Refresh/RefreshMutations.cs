using GraphQL;
using GraphQL.Types;
using Recommender.Api.Identity;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Refresh;

namespace Recommender.Api.GraphQL.Refresh;

/// <summary>Mutations that drive the scrapers by hand.</summary>
public static class RefreshMutations
{
    public static ObjectGraphType AddRefreshFields(this ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<RegionRefreshStatusGraphType>>("refreshCatalog")
            .Description(
                "Refreshes one region from its provider now and returns the region's refresh status. A failed refresh is not "
                + "an error: the last good data is kept and the status carries lastError. A refresh of the region still "
                + "running that covers the kind (the same kind, or FULL) is joined instead of starting another. Otherwise a "
                + "region is refreshed on demand at most once per Scrapers:OnDemandRefreshInterval (default one minute): a "
                + "call within it fails with REFRESH_RATE_LIMITED, extensions.retryAfterSeconds and "
                + "extensions.nextRefreshAllowedAt saying when to retry. Unknown provider or region: NOT_FOUND; scrapers off "
                + "in this process: SCRAPERS_DISABLED with the reason. Needs an admin token (of Identity:OperatorOrganization when set): "
                + "UNAUTHENTICATED / FORBIDDEN otherwise.")
            .Argument<NonNullGraphType<StringGraphType>>("provider", "Provider id, e.g. alibaba.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "Region id, e.g. cn-hangzhou.")
            .Argument<RefreshKindGraphType>("kind", "What to re-read; FULL when omitted.", a => a.DefaultValue = RefreshKind.Full)
            .ResolveAsync(async ctx =>
            {
                ctx.RequireOperator();
                var services = ctx.RequestServices!;
                var refresher = services.GetRequiredService<CatalogRefresher>();
                var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                // The refresh runs on the host's token, not the request's: a client that leaves (or the execution
                // timeout) stops the wait, not the refresh, whose outcome then shows in catalogStatus.
                var refresh = refresher.RefreshNowAsync(
                    ctx.GetArgument<string>("provider"), ctx.GetArgument<string>("region"), ctx.GetArgument("kind", RefreshKind.Full), stopping);
                return await refresh.WaitAsync(ctx.CancellationToken).ConfigureAwait(false);
            });
        return mutation;
    }
}
