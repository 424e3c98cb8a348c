using GraphQL.Types;
using Recommender.Api.GraphQL.Recommendations;
using Recommender.Core.Recommendations;
using Recommender.Expander.ScaleOut;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ExistingPoolInputType : InputObjectGraphType<ExistingPool>
{
    public ExistingPoolInputType()
    {
        Name = "ExistingPoolInput";
        Description = "A node pool the cluster runs now. A scale-out never removes nodes from it.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The pool's name, echoed in the change.").DefaultValue("");
        Field<NonNullGraphType<StringGraphType>>("instanceType").Description("Its instance type; one the region's catalog does not know is BAD_USER_INPUT.");
        Field<NonNullGraphType<CapacityTypeGraphType>>("capacityType").Description("On-demand or spot.").DefaultValue(CapacityType.OnDemand);
        Field<NonNullGraphType<IntGraphType>>("nodeCount").Description("Nodes it has now (0-5000).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("zones").Description("Zones its nodes are in; empty = the request's zones.");
        Field<NonNullGraphType<BooleanGraphType>>("canGrow").Description("Whether the change may add nodes to it.").DefaultValue(true);
        Field<IntGraphType>("maxSize").Description("Most nodes it may have (at least nodeCount); null = the cluster limit.");
        Field<FloatGraphType>("usedCpu").Description(
            "vCPU its pods request now. Spare = allocatable - used, and spare is used before anything is added. Not given: the pool counts as full.");
        Field<FloatGraphType>("usedMemoryGiB").Description("Memory its pods request now, GiB (not given: full).");
        Field<IntGraphType>("usedGpus").Description("GPUs its pods request now (not given: full).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ExistingPool(value.Get("name", ""), value.Get("instanceType", ""), value.Get("capacityType", CapacityType.OnDemand),
            value.Get("nodeCount", 0), value.List<string>("zones") ?? [], value.Get("canGrow", true), value.Get<int?>("maxSize", null),
            value.Get<double?>("usedCpu", null), value.Get<double?>("usedMemoryGiB", null), value.Get<int?>("usedGpus", null));
    }
}
