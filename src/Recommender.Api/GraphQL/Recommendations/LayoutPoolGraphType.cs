using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class LayoutPoolGraphType : ObjectGraphType<RecommendedPool>
{
    public LayoutPoolGraphType()
    {
        Name = "LayoutPool";
        Description = "One node pool: nodeCount nodes of one instance type, bought one way.";
        Field("instanceTypeName", x => x.Pool.InstanceType).Description("Instance type id, e.g. ecs.g7.large.");
        Field<InstanceTypeGraphType>("instanceType")
            .Description(
                "The instance type as the catalog describes it now (its prices may have moved since the answer was "
                + "computed; unitPrice and hourlyPrice are the answer's); null when the type has left the catalog.")
            .Resolve(ctx => ctx.Catalog().Find(ctx.Source.Region) is { } region ? RegionIndex.For(region).Find(ctx.Source.Pool.InstanceType) : null);
        Field<NonNullGraphType<CapacityTypeGraphType>>("capacityType").Description("On-demand or spot.")
            .Resolve(ctx => ctx.Source.Pool.CapacityType);
        Field("nodeCount", x => x.Pool.NodeCount).Description("Nodes in the pool (at least 1).");
        Field("unitPrice", x => x.Pool.UnitPrice)
            .Description("Hourly price of one node; for spot, the highest spot price among the request's zones.");
        Field("hourlyPrice", x => x.Pool.HourlyPrice).Description("nodeCount × unitPrice.");
    }
}
