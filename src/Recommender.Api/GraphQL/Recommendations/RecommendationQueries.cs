using GraphQL;
using GraphQL.Types;
using Recommender.Api.GraphQL.Cost;
using Recommender.Api.Identity;
using Recommender.Api.Recommendations;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

/// <summary>Root query fields of the recommender: compute a layout, read a stored one.</summary>
public static class RecommendationQueries
{
    public const string InputArgument = "input";
    public const string OrganizationArgument = "org";

    public static ObjectGraphType AddRecommendationFields(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<RecommendationGraphType>>("recommendLayout")
            .Description(
                "Computes the cheapest node-pool layouts for a request over the current catalog of its region and keeps the "
                + "answer for recommendation(id). Unknown provider or region: NOT_FOUND; malformed input: BAD_USER_INPUT with "
                + "extensions.argument naming the field (e.g. input.minNodes); the caller already keeping as many answers as it "
                + "may (or the service as a whole): RECOMMENDATION_QUOTA_EXCEEDED before any solve, with extensions limit, "
                + "scope, retentionSeconds and retryAfterSeconds; every solver slot busy for the queue timeout: SOLVER_BUSY "
                + "(retry later). Each occurrence (alias) is one solve: a request asking for more than GraphQL:MaxSolvesPerRequest "
                + "(default 3) is refused with TOO_MANY_SOLVES before any solve starts. An impossible request is an INFEASIBLE "
                + "answer, not an error. With organization (a token of one of its members needed: UNAUTHENTICATED / FORBIDDEN), "
                + "the answer is kept for that organisation: only its members can read it again, and it can be provisioned "
                + "(provisionCluster) only by that organisation.")
            .Argument<NonNullGraphType<LayoutRequestInputType>>(InputArgument, "What the cluster must run and the rules its pools follow.")
            .Argument<IdGraphType>(OrganizationArgument, "The organisation to keep the answer for; omit for an anonymous answer.")
            .CountsAsSolve()
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string?>(OrganizationArgument);
                if (organization is not null)
                {
                    ctx.RequireMember(organization);
                }

                var request = ctx.GetArgument<LayoutRequest>(InputArgument);
                var region = ctx.Catalog().RequireRegion(request.Provider, request.Region);
                var service = ctx.RequestServices!.GetRequiredService<RecommendationService>();
                try
                {
                    return await service.RecommendAsync(request, region, CallerKey.Of(ctx), ctx.CancellationToken, organization).ConfigureAwait(false);
                }
                catch (ValidationException e)
                {
                    throw e.Within(InputArgument); // the service names request fields; the client sent them inside input
                }
            });

        query.Field<RecommendationGraphType>("recommendation")
            .Description(
                "A recommendation computed earlier by recommendLayout, until its expiresAt. Unknown or expired id, or one kept "
                + "for an organisation the caller is not a member of: null with a NOT_FOUND error. While the shared store (Redis) is unreachable, answers given by this replica are still "
                + "found; any other id is null with STORE_UNAVAILABLE (retry later, extensions.retryAfterSeconds).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The id recommendLayout returned.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.OptionalCaller();
                return await ctx.RequestServices!.GetRequiredService<RecommendationService>()
                    .GetAsync(ctx.GetArgument<string>("id"), org => caller?.RoleIn(org) is not null, ctx.CancellationToken).ConfigureAwait(false);
            });
        return query;
    }
}
