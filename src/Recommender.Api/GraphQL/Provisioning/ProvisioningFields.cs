using GraphQL;
using GraphQL.Types;
using Recommender.Api.Identity;
using Recommender.Api.Recommendations;
using Recommender.Core.Errors;
using Recommender.Provisioning;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Operations;

namespace Recommender.Api.GraphQL.Provisioning;

/// <summary>
/// Clusters and provisioning operations of an organisation: members read, admins change (provisioning spends the
/// organisation's money and a kubeconfig is a credential). Every field checks the caller against the organisation
/// argument before anything is read, and reads under that organisation only: another organisation's operation or
/// cluster is NOT_FOUND.
/// </summary>
public static class ProvisioningFields
{
    private const string Org = "org";
    private const string Input = "input";
    private const string IdempotencyKey = "idempotencyKey";
    private const string ClusterId = "clusterId";

    public static ObjectGraphType AddProvisioningQueries(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<OperationGraphType>("operation")
            .Description("One provisioning operation with its steps. Not the organisation's (or no such id): NOT_FOUND. Needs a member's token.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Operation id.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireMember(organization);
                return await Service(ctx).GetAsync(organization, ctx.GetArgument<string>("id"), ctx.CancellationToken).ConfigureAwait(false);
            });
        query.Field<NonNullGraphType<OperationPageGraphType>>("operations")
            .Description("The organisation's operations, newest first, a page at a time. Needs a member's token.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<OperationStateGraphType>("state", "Only operations in this state.")
            .Argument<OperationKindGraphType>("kind", "Only operations of this kind.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1–{OperationQuery.MaxLimit}.", a => a.DefaultValue = OperationQuery.DefaultLimit)
            .Argument<StringGraphType>("after", "The nextCursor of the page before.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireMember(organization);
                var filter = new OperationQuery(
                    ctx.GetArgument<OperationState?>("state"), ctx.GetArgument<OperationKind?>("kind"), ctx.GetArgument<int>("first"), ctx.GetArgument<string?>("after"));
                return await Service(ctx).ListAsync(organization, filter, ctx.CancellationToken).ConfigureAwait(false);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProvisionedClusterGraphType>>>>("clusters")
            .Description("The clusters the service created for the organisation and has not deleted, newest first, with their state from "
                + "ACK and hourly price from our catalog. Needs a member's token.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireMember(organization);
                return await Service(ctx).ListClustersAsync(organization, ctx.CancellationToken).ConfigureAwait(false);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProvisionedNodeGraphType>>>>("clusterNodes")
            .Description("The ECS instances of one of the organisation's clusters (role, pool, type, state, spot strategy). Needs a member's token.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>(ClusterId, "ACK cluster id.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireMember(organization);
                return await Service(ctx).ListClusterNodesAsync(organization, ctx.GetArgument<string>(ClusterId), ctx.CancellationToken).ConfigureAwait(false);
            });
        query.Field<NonNullGraphType<ClusterKubeconfigGraphType>>("clusterKubeconfig")
            .Description("A short-lived kubeconfig of one of the organisation's clusters (a credential: admins only). "
                + "The cluster not running yet: CLOUD_API_ERROR with extensions.vendorCode.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>(ClusterId, "ACK cluster id.")
            .Argument<IntGraphType>("temporaryMinutes", "How long its credential lasts, 15–4320; default Provisioning:KubeconfigMinutes.")
            .Argument<NonNullGraphType<BooleanGraphType>>("privateIpAddress", "The API server's private address instead of its public one.", a => a.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireAdmin(organization);
                return await Service(ctx).GetKubeconfigAsync(
                    organization, ctx.GetArgument<string>(ClusterId), ctx.GetArgument<int?>("temporaryMinutes"), ctx.GetArgument<bool>("privateIpAddress"), ctx.CancellationToken)
                    .ConfigureAwait(false);
            });
        return query;
    }

    public static ObjectGraphType AddProvisioningMutations(this ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<OperationGraphType>>("provisionCluster")
            .Description("Starts creating an ACK cluster with node pools (admins) and returns the operation; follow it with operation(org, id). "
                + "Everything checkable is checked first: fields (BAD_USER_INPUT, extensions.argument), the recommendation (this "
                + "organisation's and not expired, else NOT_FOUND), the secret (NOT_FOUND), every type still sold in the zones "
                + "(TYPE_UNAVAILABLE) and its price within Provisioning:PriceDriftMargin of the quote (PRICE_DRIFTED with quoted, current, "
                + "percent). The same idempotencyKey returns the same operation (another request under it: CONFLICT).")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<ProvisionClusterInputType>>(Input, "The cluster and its pools.")
            .Argument<StringGraphType>(IdempotencyKey, "Your key for this request: sending it again returns the first operation.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireAdmin(organization);
                var input = await CreateInputAsync(ctx, organization).ConfigureAwait(false);
                return await Named(() => Service(ctx).StartCreateClusterAsync(organization, input, ctx.GetArgument<string?>(IdempotencyKey), ctx.CancellationToken))
                    .ConfigureAwait(false);
            });
        mutation.Field<NonNullGraphType<ApplyLayoutResultGraphType>>("applyLayout")
            .Description("Brings one of the organisation's clusters to a layout (admins): scales pools (desired size) and creates missing ones, "
                + "deleting pools the layout does not name only with deleteUnlistedPools. With dryRun, only the plan and its hourly price change.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>(ClusterId, "ACK cluster id.")
            .Argument<NonNullGraphType<LayoutInputType>>("layout", "The pools the cluster should have.")
            .Argument<NonNullGraphType<BooleanGraphType>>("dryRun", "Plan only.", a => a.DefaultValue = false)
            .Argument<NonNullGraphType<BooleanGraphType>>("deleteUnlistedPools", "Delete pools the layout does not name.", a => a.DefaultValue = false)
            .Argument<StringGraphType>(IdempotencyKey, "Your key for this request.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireAdmin(organization);
                var layout = ProvisioningArguments.Layout(ctx.GetArgument<Dictionary<string, object?>>("layout"), "layout");
                // The service names applyLayout's fields as the client sent them (top-level arguments): nothing to re-wrap.
                return await Service(ctx).StartApplyLayoutAsync(organization, ctx.GetArgument<string>(ClusterId), layout,
                    ctx.GetArgument<bool>("dryRun"), ctx.GetArgument<bool>("deleteUnlistedPools"), ctx.GetArgument<string?>(IdempotencyKey), ctx.CancellationToken)
                    .ConfigureAwait(false);
            });
        mutation.Field<NonNullGraphType<OperationGraphType>>("deleteCluster")
            .Description("Starts deleting one of the organisation's clusters (admins), with the resources ACK made for it unless retainResources.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>(ClusterId, "ACK cluster id.")
            .Argument<NonNullGraphType<BooleanGraphType>>("retainResources", "Keep the VPC, SLB and other resources ACK made.", a => a.DefaultValue = false)
            .Argument<StringGraphType>(IdempotencyKey, "Your key for this request.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireAdmin(organization);
                return await Service(ctx).StartDeleteClusterAsync(organization, ctx.GetArgument<string>(ClusterId), ctx.GetArgument<bool>("retainResources"),
                    ctx.GetArgument<string?>(IdempotencyKey), ctx.CancellationToken).ConfigureAwait(false);
            });
        mutation.Field<NonNullGraphType<OperationGraphType>>("retryOperation")
            .Description("Runs a FAILED operation again from its failed step (admins); steps that succeeded are not repeated. Not failed: INVALID_OPERATION_STATE.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Operation id.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireAdmin(organization);
                return await Service(ctx).RetryAsync(organization, ctx.GetArgument<string>("id"), ctx.CancellationToken).ConfigureAwait(false);
            });
        mutation.Field<NonNullGraphType<OperationGraphType>>("rollBackOperation")
            .Description("Undoes what a FAILED operation changed (admins): deletes the cluster of a create; for an apply, deletes the pools it created and sets the pools it scaled back to the size its plan found them at (pools it deleted cannot come back). Goes ROLLING_BACK, then ROLLED_BACK.")
            .Argument<NonNullGraphType<IdGraphType>>(Org, "Organisation id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Operation id.")
            .ResolveAsync(async ctx =>
            {
                var organization = ctx.GetArgument<string>(Org);
                ctx.RequireAdmin(organization);
                return await Service(ctx).RollBackAsync(organization, ctx.GetArgument<string>("id"), ctx.CancellationToken).ConfigureAwait(false);
            });
        return mutation;
    }

    /// <summary>The create input: the cluster, and the layout from the organisation's recommendation or given explicitly.</summary>
    private static async Task<CreateClusterInput> CreateInputAsync(IResolveFieldContext ctx, string organization)
    {
        var input = ctx.GetArgument<Dictionary<string, object?>>(Input);
        var recommendationId = input.GetValueOrDefault("recommendationId") as string;
        var explicitLayout = input.GetValueOrDefault("layout") as IDictionary<string, object?>;
        if ((recommendationId is null) == (explicitLayout is null))
        {
            throw new ValidationException("input.recommendationId", "give either recommendationId or layout (exactly one).");
        }

        var clusterInput = (IDictionary<string, object?>)input["cluster"]!;
        if (explicitLayout is not null)
        {
            return new CreateClusterInput
            {
                SecretId = (string)input["secretId"]!,
                Cluster = ProvisioningArguments.Cluster(clusterInput, []),
                Layout = ProvisioningArguments.Layout(explicitLayout, "input.layout"),
            };
        }

        // Only this organisation's recommendations: the same NOT_FOUND for another organisation's as for an unknown id.
        var stored = await ctx.RequestServices!.GetRequiredService<RecommendationService>()
            .GetAsync(recommendationId!, org => string.Equals(org, organization, StringComparison.Ordinal), ctx.CancellationToken).ConfigureAwait(false);
        if (stored.Organization is null)
        {
            throw new ValidationException("input.recommendationId", $"was made anonymously; ask recommendLayout(org: \"{organization}\", …) to provision from it.");
        }

        var index = Convert.ToInt32(input["layoutIndex"], System.Globalization.CultureInfo.InvariantCulture);
        if (index < 0 || index >= stored.Recommendation.Layouts.Count)
        {
            throw new ValidationException("input.layoutIndex", $"must be between 0 and {stored.Recommendation.Layouts.Count - 1} (the recommendation has {stored.Recommendation.Layouts.Count} layouts).");
        }

        var cluster = ProvisioningArguments.Cluster(clusterInput, stored.Request.Zones ?? []);
        if (!string.Equals(cluster.Region, stored.Request.Region, StringComparison.Ordinal))
        {
            throw new ValidationException("input.cluster.region", $"must be the recommendation's region '{stored.Request.Region}'.");
        }

        return new CreateClusterInput
        {
            SecretId = (string)input["secretId"]!,
            Cluster = cluster,
            Layout = ProvisioningArguments.FromRecommendation(stored.Recommendation.Layouts[index], cluster.Zones),
            RecommendationId = stored.Id,
        };
    }

    /// <summary>The service names fields relative to the input it was given; the client sent them inside an argument.</summary>
    private static async Task<T> Named<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ValidationException e) when (!e.Argument.StartsWith("input.", StringComparison.Ordinal))
        {
            throw e.Within("input");
        }
    }

    private static ProvisioningService Service(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<ProvisioningService>();
}
