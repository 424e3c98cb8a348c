using GraphQL.Types;
using Recommender.Api.GraphQL.Recommendations;
using Recommender.Expander.ScaleOut;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class PoolChangeGraphType : ObjectGraphType<PoolChange>
{
    public PoolChangeGraphType()
    {
        Name = "PoolChange";
        Description = "One pool of a scale-out: an existing pool (grown or not) or a new one. Never fewer nodes than before.";
        Field(x => x.Pool).Description("The existing pool's name (pool-N when it had none), or new-N for a pool the change adds.");
        Field(x => x.IsNew).Description("Whether the change adds this pool.");
        Field(x => x.InstanceType).Description("Instance type id.");
        Field<NonNullGraphType<CapacityTypeGraphType>>("capacityType").Description("On-demand or spot.").Resolve(ctx => ctx.Source.CapacityType);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("zones").Description("Zones its nodes are spread over.")
            .Resolve(ctx => ctx.Source.Zones);
        Field(x => x.NodesBefore).Description("Nodes it has now (0 for a new pool).");
        Field(x => x.NodesAdded).Description("Nodes the change adds.");
        Field(x => x.NodesAfter).Description("nodesBefore + nodesAdded.");
        Field(x => x.UnitPrice).Description("Hourly price of one node (spot: the highest spot price among its zones).");
        Field(x => x.AddedHourlyPrice).Description("nodesAdded × unitPrice.");
        Field(x => x.HourlyPriceAfter).Description("nodesAfter × unitPrice.");
    }
}
