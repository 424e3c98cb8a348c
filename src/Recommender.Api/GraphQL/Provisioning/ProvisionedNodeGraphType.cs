using GraphQL.Types;
using Recommender.Provisioning;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class ProvisionedNodeGraphType : ObjectGraphType<ProvisionedNode>
{
    public ProvisionedNodeGraphType()
    {
        Name = "ClusterNode";
        Description = "One ECS instance of a cluster (ACK's DescribeClusterNodes), to check what was built.";
        Field(n => n.InstanceId).Description("ECS instance id.");
        Field(n => n.Role, nullable: true).Description("Master or Worker.");
        Field(n => n.NodePoolId, nullable: true).Description("ACK node pool id.");
        Field(n => n.NodePoolName, nullable: true).Description("The pool's name.");
        Field(n => n.InstanceType, nullable: true).Description("ECS instance type.");
        Field(n => n.State, nullable: true).Description("ECS state: pending, running, stopping…");
        Field(n => n.NodeStatus, nullable: true).Description("Kubernetes view: Ready, NotReady, Unknown or Offline.");
        Field(n => n.SpotStrategy, nullable: true).Description("NoSpot, SpotWithPriceLimit or SpotAsPriceGo.");
        Field(n => n.ChargeType, nullable: true).Description("PostPaid or PrePaid.");
        Field(n => n.IpAddresses, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>)).Description("Private addresses.");
    }
}
