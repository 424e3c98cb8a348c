using GraphQL.Types;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using D = Recommender.Api.GraphQL.Recommendations.LayoutRequestDescriptions;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class LayoutRequestInputType : InputObjectGraphType<LayoutRequest>
{
    public LayoutRequestInputType()
    {
        Name = "LayoutRequest";
        Description =
            "What a cluster must be able to run and the rules its node pools follow. Capacities are allocatable (what pods "
            + "can use after the node reservation), never raw node sizes. Exact rules: README (solver, \"The request\").";
        Field<NonNullGraphType<StringGraphType>>("provider").Description(D.Provider).DefaultValue(KnownProviders.Alibaba.Id);
        Field<NonNullGraphType<StringGraphType>>("region").Description(D.Region);
        Field<NonNullGraphType<FloatGraphType>>("cpu").Description(D.Cpu).DefaultValue(0d);
        Field<NonNullGraphType<FloatGraphType>>("memoryGiB").Description(D.MemoryGiB).DefaultValue(0d);
        Field<NonNullGraphType<IntGraphType>>("gpus").Description(D.Gpus).DefaultValue(0);
        Field<StringGraphType>("gpuModel").Description(D.GpuModel);
        Field<NonNullGraphType<IntGraphType>>("minNodes").Description(D.MinNodes).DefaultValue(1);
        Field<NonNullGraphType<IntGraphType>>("maxNodes").Description(D.MaxNodes).DefaultValue(LayoutRequestLimits.MaxNodes);
        Field<NonNullGraphType<IntGraphType>>("onDemandPct").Description(D.OnDemandPct).DefaultValue(0);
        Field<NonNullGraphType<BooleanGraphType>>("sameSize").Description(D.SameSize).DefaultValue(false);
        InstanceFilterFields.AddTo(this);
        Field<PodSizeInputType>("largestPod").Description(D.LargestPod);
        Field<IntGraphType>("maxPools").Description(D.MaxPools);
        Field<NonNullGraphType<IntGraphType>>("spotDiversity").Description(D.SpotDiversity).DefaultValue(1);
        Field<NonNullGraphType<IntGraphType>>("alternatives").Description(D.Alternatives).DefaultValue(1);
        Field<IntGraphType>("timeLimitMs").Description(D.TimeLimitMs);
        Field<NonNullGraphType<BooleanGraphType>>("wait").Description(D.Wait).DefaultValue(false);
    }
}
