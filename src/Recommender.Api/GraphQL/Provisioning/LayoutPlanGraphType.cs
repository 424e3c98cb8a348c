using GraphQL.Types;
using Recommender.Provisioning.Plans;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class LayoutPlanGraphType : ObjectGraphType<LayoutPlan>
{
    public LayoutPlanGraphType()
    {
        Name = "LayoutPlan";
        Description = "What applying a layout to a cluster does, pool by pool, and the change of its hourly price.";
        Field(p => p.ClusterId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The ACK cluster.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodePoolChangeGraphType>>>>("changes").Description("One entry per pool of the cluster or the layout.").Resolve(ctx => ctx.Source.Changes);
        Field(p => p.HourlyPriceChange).Description("Sum of the pools' changes; unpriced pools count as zero.");
        Field(p => p.Currency, nullable: true).Description("ISO 4217 code of the prices.");
        Field(p => p.Unpriced, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>)).Description("Pools the catalog cannot price.");
        Field("isEmpty", p => p.IsEmpty).Description("True when nothing would change.");
    }
}
