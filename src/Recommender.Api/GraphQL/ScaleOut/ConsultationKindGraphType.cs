using GraphQL.Types;
using Recommender.Core.Consultations;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ConsultationKindGraphType : EnumerationGraphType<ConsultationKind>
{
    public ConsultationKindGraphType()
    {
        Name = "ConsultationKind";
        Description = "Which API was consulted: SCALE_OUT (recommendScaleOut) or EXPANDER (cluster-autoscaler's gRPC BestOptions).";
    }
}
