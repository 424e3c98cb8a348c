using GraphQL;
using GraphQL.Types;
using Recommender.Api.GraphQL.Cost;
using Recommender.Core.Consultations;
using Recommender.Core.Errors;
using Recommender.Expander.ScaleOut;

namespace Recommender.Api.GraphQL.ScaleOut;

/// <summary>Root query fields for autoscalers: recommendScaleOut and the decision log.</summary>
public static class ScaleOutQueries
{
    public const string InputArgument = "input";

    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    public static ObjectGraphType AddScaleOutFields(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ScaleOutGraphType>>("recommendScaleOut")
            .Description(
                "The cheapest way to give a running cluster more: which pools to grow and which to add, never removing anything, "
                + "existing spare capacity first. Anonymous like recommendLayout; naming an organization requires membership "
                + "(UNAUTHENTICATED / FORBIDDEN). Unknown provider or region: NOT_FOUND; malformed input (unknown instance type, "
                + "negative counts, zero demand, maxSize below nodeCount, a node selector we cannot promise): BAD_USER_INPUT with "
                + "extensions.argument naming the field; every solver slot busy: SOLVER_BUSY. Each call is kept in the decision log "
                + "(consultations).")
            .Argument<NonNullGraphType<ScaleOutRequestInputType>>(InputArgument, "The cluster now, the extra demand and the rules.")
            .CountsAsSolve()
            .ResolveAsync(async ctx =>
            {
                var request = ctx.GetArgument<ScaleOutRequest>(InputArgument);
                request = request with { Organization = await ClusterScope.OrganizationAsync(ctx, request.Organization, request.ClusterId).ConfigureAwait(false) };

                var region = ctx.Catalog().RequireRegion(request.Provider, request.Region);
                try
                {
                    return await ctx.RequestServices!.GetRequiredService<ScaleOutService>()
                        .RecommendAsync(request, region, ctx.CancellationToken).ConfigureAwait(false);
                }
                catch (ValidationException e)
                {
                    throw e.Within(InputArgument); // the service names request fields; the client sent them inside input
                }
            });

        query.Field<NonNullGraphType<ConsultationConnectionGraphType>>("consultations")
            .Description(
                "The decision log of one cluster, newest first: each recommendScaleOut and cluster-autoscaler BestOptions call with its "
                + "inputs, answer, catalog version and the prices compared, kept for Consultations:Retention (default 7 days). "
                + "With org, membership is required; without, the anonymous consultations of that cluster label. A cluster this service "
                + "created is always read under the organisation that created it, whose membership is required.")
            .Argument<NonNullGraphType<StringGraphType>>("cluster", "The cluster label (clusterId of recommendScaleOut, Consultations:ExpanderCluster for CA).")
            .Argument<IdGraphType>("org", "The organisation the cluster belongs to, if any.")
            .Argument<IntGraphType>("first", $"Page size, 1 to {MaxPageSize}.", a => a.DefaultValue = DefaultPageSize)
            .Argument<StringGraphType>("after", "endCursor (or an edge cursor) of the previous page.")
            .ResolveAsync(async ctx =>
            {
                var cluster = ctx.GetArgument<string>("cluster");
                var organization = await ClusterScope.OrganizationAsync(ctx, ctx.GetArgument<string?>("org"), cluster).ConfigureAwait(false);

                var first = ctx.GetArgument("first", DefaultPageSize);
                if (first is < 1 or > MaxPageSize)
                {
                    throw new ValidationException("first", $"must be between 1 and {MaxPageSize}.");
                }

                return await ctx.RequestServices!.GetRequiredService<IConsultationLog>()
                    .ListAsync(organization, cluster, first, ctx.GetArgument<string?>("after"), ctx.CancellationToken)
                    .ConfigureAwait(false);
            });
        return query;
    }
}
