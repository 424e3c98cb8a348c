using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog;
using Recommender.Core.Recommendations;
using D = Recommender.Api.GraphQL.Recommendations.LayoutRequestDescriptions;

namespace Recommender.Api.GraphQL.Recommendations;

/// <summary>The request a recommendation answers, as the solver read it (defaults filled in).</summary>
public sealed class LayoutRequestEchoGraphType : ObjectGraphType<LayoutRequest>
{
    public LayoutRequestEchoGraphType()
    {
        Name = "LayoutRequestEcho";
        Description = "The request a recommendation answers, with defaults filled in. Field meanings as in the LayoutRequest input.";
        Field("provider", x => x.Provider).Description(D.Provider);
        Field("region", x => x.Region).Description(D.Region);
        Field("cpu", x => x.Cpu).Description(D.Cpu);
        Field("memoryGiB", x => x.MemoryGiB).Description(D.MemoryGiB);
        Field("gpus", x => x.Gpus).Description(D.Gpus);
        Field("gpuModel", x => x.GpuModel, nullable: true).Description(D.GpuModel);
        Field("minNodes", x => x.MinNodes).Description(D.MinNodes);
        Field("maxNodes", x => x.MaxNodes).Description(D.MaxNodes);
        Field("onDemandPct", x => x.OnDemandPct).Description(D.OnDemandPct);
        Field("sameSize", x => x.SameSize).Description(D.SameSize);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("zones").Description(D.Zones).Resolve(ctx => ctx.Source.Zones);
        Field<ListGraphType<NonNullGraphType<NetworkPerformanceGraphType>>>("networkPerf").Description(D.NetworkPerf)
            .Resolve(ctx => ctx.Source.NetworkPerf);
        Field<ListGraphType<NonNullGraphType<InstanceCategoryGraphType>>>("categories").Description(D.Categories)
            .Resolve(ctx => ctx.Source.Categories);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("includes").Description(D.Includes).Resolve(ctx => ctx.Source.Includes);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("excludes").Description(D.Excludes).Resolve(ctx => ctx.Source.Excludes);
        Field("allowBurst", x => x.AllowBurst).Description(D.AllowBurst);
        Field("allowOlderGen", x => x.AllowOlderGen).Description(D.AllowOlderGen);
        Field<ListGraphType<NonNullGraphType<CpuArchitectureGraphType>>>("architectures").Description(D.Architectures)
            .Resolve(ctx => ctx.Source.Architectures);
        Field<PodSizeGraphType>("largestPod").Description(D.LargestPod).Resolve(ctx => ctx.Source.LargestPod);
        Field("maxPools", x => x.MaxPools, nullable: true).Description(D.MaxPools);
        Field("spotDiversity", x => x.SpotDiversity).Description(D.SpotDiversity);
        Field("alternatives", x => x.Alternatives).Description(D.Alternatives);
        Field("timeLimitMs", x => x.TimeLimitMs, nullable: true).Description(D.TimeLimitMs);
        Field("wait", x => x.Wait).Description(D.Wait);
    }
}
