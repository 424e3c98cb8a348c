using GraphQL.Types;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class PodSizeGraphType : ObjectGraphType<PodSize>
{
    public PodSizeGraphType()
    {
        Name = "PodSize";
        Description = "The biggest single pod the cluster must be able to schedule.";
        Field("cpu", x => x.Cpu).Description("vCPU the pod requests.");
        Field("memoryGiB", x => x.MemoryGiB).Description("Memory the pod requests, GiB.");
        Field("gpus", x => x.Gpus).Description("GPUs the pod requests.");
    }
}
