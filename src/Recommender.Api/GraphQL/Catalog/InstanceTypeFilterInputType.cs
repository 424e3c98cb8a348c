using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class InstanceTypeFilterInputType : InputObjectGraphType<InstanceTypeFilter>
{
    public InstanceTypeFilterInputType()
    {
        Name = "InstanceTypeFilter";
        Description = "Criteria an instance type must all meet; omitted criteria accept anything.";
        Field<IntRangeInputType>("vcpu").Description("vCPU count range.");
        Field<FloatRangeInputType>("memoryGiB").Description("Memory range in GiB.");
        Field<IntRangeInputType>("gpuCount").Description("GPU count range.");
        Field<StringGraphType>("gpuModel").Description("GPU model, compared case-insensitively, e.g. NVIDIA A10.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("families").Description("Any of these family ids, e.g. ecs.g7.");
        Field<ListGraphType<NonNullGraphType<InstanceCategoryGraphType>>>("categories").Description("Any of these categories.");
        Field<ListGraphType<NonNullGraphType<NetworkPerformanceGraphType>>>("networkPerformance").Description("Any of these network classes.");
        Field<BooleanGraphType>("burstable").Description("Only burstable types (true) or only non-burstable types (false).");
        Field<BooleanGraphType>("currentGeneration").Description("Only current (true) or only previous (false) generation.");
        Field<ListGraphType<NonNullGraphType<CpuArchitectureGraphType>>>("architectures").Description("Any of these CPU architectures.");
        Field<StringGraphType>("zone").Description("Offered in this zone of the region, with or without stock.");
        Field<StringGraphType>("availableInZone").Description("Offered with stock in this zone of the region.");
        Field<DecimalGraphType>("maxPrice").Description("Highest on-demand hourly price, inclusive.");
    }
}
