using GraphQL.Types;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class ResourceTotalsGraphType : ObjectGraphType<ResourceTotals>
{
    public ResourceTotalsGraphType()
    {
        Name = "ResourceTotals";
        Description = "vCPU, memory and GPUs summed over a layout, or the difference between a layout and the request.";
        Field("vcpu", x => x.Vcpu).Description("vCPU, burstable types at their full size (fractional for allocatable figures).");
        Field("sustainedVcpu", x => x.SustainedVcpu)
            .Description("vCPU with burstable (credit) types counted at their baseline share: what a request's cpu is covered with. Equal to vcpu without burstable types.");
        Field("memoryGiB", x => x.MemoryGiB).Description("Memory in GiB.");
        Field("gpus", x => x.Gpus).Description("GPUs.");
    }
}
