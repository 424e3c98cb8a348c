using GraphQL.Types;
using Recommender.Api.GraphQL.Recommendations;
using Recommender.Provisioning.Plans;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class NodePoolChangeGraphType : ObjectGraphType<NodePoolChange>
{
    public NodePoolChangeGraphType()
    {
        Name = "NodePoolChange";
        Description = "One pool's part of a layout plan.";
        Field(c => c.Kind, type: typeof(NonNullGraphType<NodePoolChangeKindGraphType>)).Description("What happens to the pool.");
        Field(c => c.Name).Description("The pool's name.");
        Field(c => c.NodePoolId, nullable: true).Description("The ACK node pool id, when the pool exists.");
        Field(c => c.InstanceType).Description("The instance type priced.");
        Field(c => c.CapacityType, type: typeof(NonNullGraphType<CapacityTypeGraphType>)).Description("On-demand or spot.");
        Field(c => c.FromCount).Description("Nodes now.");
        Field(c => c.ToCount).Description("Nodes after.");
        Field(c => c.UnitPrice, nullable: true).Description("Hourly price of one node from the catalog; null when it has none.");
        Field(c => c.HourlyPriceChange).Description("(toCount - fromCount) x unitPrice.");
    }
}
