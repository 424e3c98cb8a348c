using GraphQL.Types;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class PodSizeInputType : InputObjectGraphType<PodSize>
{
    public PodSizeInputType()
    {
        Name = "PodSizeInput";
        Description = "The biggest single pod the cluster must be able to schedule.";
        Field<NonNullGraphType<FloatGraphType>>("cpu").Description("vCPU the pod requests.");
        Field<NonNullGraphType<FloatGraphType>>("memoryGiB").Description("Memory the pod requests, GiB.");
        Field<NonNullGraphType<IntGraphType>>("gpus").Description("GPUs the pod requests. Default 0.").DefaultValue(0);
    }
}
