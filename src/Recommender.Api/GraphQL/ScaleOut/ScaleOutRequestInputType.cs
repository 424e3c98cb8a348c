using GraphQL.Types;
using Recommender.Api.GraphQL.Recommendations;
using Recommender.Core.Catalog;
using Recommender.Expander.ScaleOut;
using D = Recommender.Api.GraphQL.Recommendations.LayoutRequestDescriptions;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ScaleOutRequestInputType : InputObjectGraphType<ScaleOutRequest>
{
    public ScaleOutRequestInputType()
    {
        Name = "ScaleOutRequest";
        Description =
            "A running cluster that needs more: its pools, the extra demand, and the rules for what may be added. The filters "
            + "are LayoutRequest's and apply to new pools. Exact rules: README (\"Scale-out\").";
        Field<NonNullGraphType<StringGraphType>>("provider").Description(D.Provider).DefaultValue(KnownProviders.Alibaba.Id);
        Field<NonNullGraphType<StringGraphType>>("region").Description(D.Region);
        Field<IdGraphType>("organization").Description(
            "Organisation the cluster belongs to; when given, the caller must be a member (FORBIDDEN otherwise) and the "
            + "consultation is logged under it. For a cluster this service created it is implied: that organisation's membership "
            + "is required either way, and naming another organisation is NOT_FOUND.");
        Field<StringGraphType>("clusterId").Description(
            "The cluster's id: the label the decision log keeps it under (consultations(cluster)). The id of a cluster this "
            + "service created scopes the request to the organisation that created it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExistingPoolInputType>>>>("pools").Description("The cluster's pools now (at most 100).");
        Field<NonNullGraphType<FloatGraphType>>("cpu").Description("Extra allocatable vCPU wanted.").DefaultValue(0d);
        Field<NonNullGraphType<FloatGraphType>>("memoryGiB").Description("Extra allocatable memory wanted, GiB.").DefaultValue(0d);
        Field<NonNullGraphType<IntGraphType>>("gpus").Description("Extra GPUs wanted.").DefaultValue(0);
        Field<ListGraphType<NonNullGraphType<PendingPodInputType>>>("pods").Description(
            "Pending pods (at most 1000 entries). The demand is at least their sum; each must fit on an added node. Up to 100 pods "
            + "they are packed (first-fit decreasing check); beyond, each must fit on an empty node of some grown or added pool.");
        Field<NonNullGraphType<IntGraphType>>("onDemandPct").Description(
            "Percent (0-100) of the net extra vCPU and of the net extra memory that added on-demand nodes must provide.").DefaultValue(0);
        Field<NonNullGraphType<BooleanGraphType>>("allowNewPools").Description("Whether the change may add pools; false = grow only.").DefaultValue(true);
        Field<IntGraphType>("maxNewPools").Description("Most pools the change may add (growing never counts); null = no limit.");
        Field<StringGraphType>("spotTaintKey").Description("When spot nodes carry a NoSchedule taint with this key, only pods tolerating it may use them.");
        InstanceFilterFields.AddTo(this);
        Field<StringGraphType>("gpuModel").Description(D.GpuModel);
        Field<NonNullGraphType<IntGraphType>>("alternatives").Description(
            "How many changes to return (1-10), best first, each with a different set of grown and added pools.").DefaultValue(1);
        Field<IntGraphType>("timeLimitMs").Description(
            "Solve time in ms, best change and alternatives together (1 up to the service's Solver:TimeLimit). Null: "
            + "Solver:ScaleOutWithin (1 s unless configured). Nothing goes on in the background: when it runs out the answer "
            + "is FEASIBLE with its proven gap, or TIMED_OUT.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ScaleOutRequest
        {
            Provider = value.Get("provider", KnownProviders.Alibaba.Id),
            Region = value.Get("region", ""),
            Organization = value.Get<string?>("organization", null),
            ClusterId = value.Get<string?>("clusterId", null),
            Pools = value.List<ExistingPool>("pools") ?? [],
            Cpu = value.Get("cpu", 0d),
            MemoryGiB = value.Get("memoryGiB", 0d),
            Gpus = value.Get("gpus", 0),
            Pods = value.List<ScaleOutPod>("pods") ?? [],
            OnDemandPct = value.Get("onDemandPct", 0),
            AllowNewPools = value.Get("allowNewPools", true),
            MaxNewPools = value.Get<int?>("maxNewPools", null),
            SpotTaintKey = value.Get<string?>("spotTaintKey", null),
            Zones = value.List<string>("zones"),
            NetworkPerf = value.List<NetworkPerformance>("networkPerf"),
            Categories = value.List<InstanceCategory>("categories"),
            Includes = value.List<string>("includes"),
            Excludes = value.List<string>("excludes"),
            AllowBurst = value.Get("allowBurst", true),
            AllowOlderGen = value.Get("allowOlderGen", false),
            Architectures = value.List<CpuArchitecture>("architectures"),
            GpuModel = value.Get<string?>("gpuModel", null),
            Alternatives = value.Get("alternatives", 1),
            TimeLimitMs = value.Get<int?>("timeLimitMs", null),
        };
    }
}
