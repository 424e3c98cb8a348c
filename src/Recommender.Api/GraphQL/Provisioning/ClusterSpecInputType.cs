using GraphQL.Types;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class ClusterSpecInputType : InputObjectGraphType
{
    public ClusterSpecInputType()
    {
        Name = "ClusterSpecInput";
        Description = "The ACK cluster to create, without its node pools.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("1–63 letters, digits, '-' or '_'.");
        Field<NonNullGraphType<StringGraphType>>("region").Description("Region id, e.g. cn-hangzhou.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("zones").Description("Zones the nodes may use; default: the recommendation's zones.");
        Field<StringGraphType>("kubernetesVersion").Description("e.g. 1.31.1-aliyun.1; default: ACK's.");
        Field<NonNullGraphType<ClusterKindGraphType>>("kind").Description("Managed (default) or dedicated.").DefaultValue(Recommender.Provisioning.Inputs.ClusterKind.Managed);
        Field<StringGraphType>("clusterSpec").Description("Managed clusters: ack.pro.small (default) or ack.standard.");
        Field<StringGraphType>("masterInstanceType").Description("Dedicated clusters: each of the three masters' type.");
        Field<StringGraphType>("masterSystemDiskCategory").Description("Dedicated clusters: the masters' disk category.");
        Field<StringGraphType>("vpcId").Description("An existing VPC (with vswitchIds); omit both to let ACK create the network.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("vswitchIds").Description("vSwitches of that VPC.");
        Field<StringGraphType>("systemDiskCategory").Description("Default disk category of the pools.");
        Field<StringGraphType>("imageId").Description("Default node image of the pools.");
        Field<ListGraphType<NonNullGraphType<KeyValueInputType>>>("tags").Description("Cluster tags; keys starting 'recommender.' are reserved.");
    }
}
