using GraphQL.Types;
using Recommender.Api.GraphQL.Recommendations;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class NodePoolInputType : InputObjectGraphType
{
    public NodePoolInputType()
    {
        Name = "NodePoolInput";
        Description = "One node pool of a layout: what it buys, how many, how, and what it is for.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique in the cluster; how an existing pool is recognised.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("instanceTypes").Description("1–10 types in order of preference; the first is priced.");
        Field<NonNullGraphType<IntGraphType>>("nodeCount").Description("Nodes wanted (desired size); with autoScaling, where the pool starts.");
        Field<NonNullGraphType<CapacityTypeGraphType>>("capacityType").Description("On-demand or spot.").DefaultValue(Core.Recommendations.CapacityType.OnDemand);
        Field<SpotStrategyGraphType>("spotStrategy").Description("Spot pools: AS_PRICE_GO by default, WITH_PRICE_LIMIT with spotPriceLimit.");
        Field<DecimalGraphType>("spotPriceLimit").Description("Spot pools: the highest hourly price per node.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("zones").Description("Zones of the pool; default: the cluster's.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("vswitchIds").Description("vSwitches of the pool; default: the cluster's.");
        Field<StringGraphType>("systemDiskCategory").Description("e.g. cloud_essd; default: the cluster's.");
        Field<IntGraphType>("systemDiskSize").Description("GiB, 20–2048; default: ACK's.");
        Field<StringGraphType>("imageId").Description("Node image; default: the cluster's, else ACK's.");
        Field<IntGraphType>("autoScalingMin").Description("With autoScalingMax: let the cluster autoscaler keep the pool between the two.");
        Field<IntGraphType>("autoScalingMax").Description("With autoScalingMin.");
        Field<ListGraphType<NonNullGraphType<KeyValueInputType>>>("labels").Description("Node labels; recommender.io/pool=<name> is added.");
        Field<ListGraphType<NonNullGraphType<NodeTaintInputType>>>("taints").Description("Node taints.");
        Field<DecimalGraphType>("quotedUnitPrice").Description("The hourly node price you were quoted: a drift by Provisioning:PriceDriftMargin or more is refused (PRICE_DRIFTED).");
    }
}
