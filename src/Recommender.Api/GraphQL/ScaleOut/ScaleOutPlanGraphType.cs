using GraphQL.Types;
using Recommender.Expander.ScaleOut;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ScaleOutPlanGraphType : ObjectGraphType<ScaleOutPlan>
{
    public ScaleOutPlanGraphType()
    {
        Name = "ScaleOutPlan";
        Description = "One change to the cluster and the layout it leads to.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PoolChangeGraphType>>>>("changes")
            .Description("Pools grown or added (nodesAdded > 0), largest added price first; empty when spare capacity covers the demand.")
            .Resolve(ctx => ctx.Source.Changes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PoolChangeGraphType>>>>("layout")
            .Description("Every pool after the change: the existing ones in request order, then the new ones.").Resolve(ctx => ctx.Source.Layout);
        Field(x => x.AddedHourlyPrice).Description("What the change adds to the cluster's hourly price.");
        Field(x => x.HourlyPriceAfter).Description("The cluster's hourly price after the change, at catalog prices.");
        Field(x => x.NodesAdded).Description("Nodes the change adds.");
        Field(x => x.PackedByCheck).Description("Nodes the pod packing check added above the model's answer (0 when the pods packed as is).");
    }
}
