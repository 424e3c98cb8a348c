using GraphQL.Types;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class LayoutGraphType : ObjectGraphType<RecommendedLayout>
{
    public LayoutGraphType()
    {
        Name = "Layout";
        Description = "A set of node pools that satisfies the request, with its price and capacity.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LayoutPoolGraphType>>>>("pools")
            .Description("On-demand pools first, then by hourly price descending.")
            .Resolve(ctx => ctx.Source.Layout.Pools.Select(p => new RecommendedPool(p, ctx.Source.Region)));
        Field("hourlyPrice", x => x.Layout.HourlyPrice).Description("Sum of the pools' hourly prices.");
        Field("monthlyPrice", x => x.Layout.MonthlyPrice).Description("hourlyPrice × 730 hours.");
        Field("nodeCount", x => x.Layout.NodeCount).Description("Nodes over all pools.");
        Field<NonNullGraphType<ResourceTotalsGraphType>>("allocatable")
            .Description("What pods can use: node capacity minus the node reservation (see README, Node reservation); sustainedVcpu is what covers the request.")
            .Resolve(ctx => ctx.Source.Layout.Allocatable);
        Field<NonNullGraphType<ResourceTotalsGraphType>>("raw").Description("Node capacity as sold.")
            .Resolve(ctx => ctx.Source.Layout.Raw);
        Field<NonNullGraphType<ResourceTotalsGraphType>>("aboveRequest").Description("allocatable minus the request: the headroom.")
            .Resolve(ctx => ctx.Source.Layout.AboveRequest);
    }
}
