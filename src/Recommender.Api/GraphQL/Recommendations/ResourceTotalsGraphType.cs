using GraphQL.Types;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class ResourceTotalsGraphType : ObjectGraphType<ResourceTotals>
{
    public ResourceTotalsGraphType()
    {
        Name = "ResourceTotals";
        Description = "vCPU, memory and GPUs summed over a layout, or the difference between a layout and the request.";
        Field("vcpu", x => x.Vcpu).Description("vCPU (fractional for allocatable figures).");
        Field("memoryGiB", x => x.MemoryGiB).Description("Memory in GiB.");
        Field("gpus", x => x.Gpus).Description("GPUs.");
    }
}
