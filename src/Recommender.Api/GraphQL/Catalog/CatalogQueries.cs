using GraphQL;
using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;
using Recommender.Api.GraphQL.Cost;
using Recommender.Core.Errors;

namespace Recommender.Api.GraphQL.Catalog;

/// <summary>The catalog's root query fields: providers, regions, instance types.</summary>
public static class CatalogQueries
{
    public const int DefaultPageSize = 50;

    public static ObjectGraphType AddCatalogFields(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProviderGraphType>>>>("providers")
            .IsCatalogData()
            .Description("Cloud providers the catalog covers.")
            .Resolve(ctx => ctx.Catalog().Providers);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionGraphType>>>>("regions")
            .IsCatalogData()
            .Description("Regions of a provider held in the catalog. Unknown provider: NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("provider", "Provider id, e.g. alibaba.")
            .Resolve(ctx =>
            {
                var snapshot = ctx.Catalog();
                var provider = snapshot.RequireProvider(ctx.GetArgument<string>("provider")).Id;
                return snapshot.Regions.Where(r => string.Equals(r.Provider, provider, StringComparison.Ordinal)).Select(r => r.Region);
            });

        query.Field<NonNullGraphType<InstanceTypeConnectionGraphType>>("instanceTypes")
            .IsCatalogData()
            .Description(
                "Instance types of one region, filtered, ordered (default: PRICE ascending) and paged. Unknown provider or "
                + "region: NOT_FOUND; invalid filter, first or after: BAD_USER_INPUT naming the argument.")
            .Argument<NonNullGraphType<StringGraphType>>("provider", "Provider id, e.g. alibaba.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "Region id, e.g. cn-hangzhou.")
            .Argument<InstanceTypeFilterInputType>("filter", "Criteria every returned type meets.")
            .Argument<InstanceTypeOrderInputType>("orderBy", "Ordering; PRICE ascending when omitted.")
            .Argument<IntGraphType>("first", $"Page size, 0 to {InstanceTypeSearch.MaxPageSize}.", a => a.DefaultValue = DefaultPageSize)
            .Argument<StringGraphType>("after", "Cursor from a previous page (pageInfo.endCursor or an edge cursor).")
            .Resolve(ctx => InstanceTypeSearch.Run(
                RegionIndex.For(ctx.Catalog().RequireRegion(ctx.GetArgument<string>("provider"), ctx.GetArgument<string>("region"))),
                ctx.GetArgument<InstanceTypeFilter?>("filter"),
                ctx.GetArgument<InstanceTypeOrder?>("orderBy"),
                ctx.GetArgument("first", DefaultPageSize),
                ctx.GetArgument<string?>("after")));

        query.Field<NonNullGraphType<InstanceTypeGraphType>>("instanceType")
            .IsCatalogData()
            .Description("One instance type of a region. Unknown provider, region or type: NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("provider", "Provider id, e.g. alibaba.")
            .Argument<NonNullGraphType<StringGraphType>>("region", "Region id, e.g. cn-hangzhou.")
            .Argument<NonNullGraphType<StringGraphType>>("name", "Instance type id, e.g. ecs.g7.large.")
            .Resolve(ctx =>
            {
                var region = ctx.Catalog().RequireRegion(ctx.GetArgument<string>("provider"), ctx.GetArgument<string>("region"));
                var name = ctx.GetArgument<string>("name");
                return RegionIndex.For(region).Find(name) ?? throw new NotFoundException("instance type", name);
            });
        return query;
    }
}
