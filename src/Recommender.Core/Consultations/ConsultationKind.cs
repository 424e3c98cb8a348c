namespace Recommender.Core.Consultations;

/// <summary>Which API an autoscaler consulted.</summary>
public enum ConsultationKind
{
    /// <summary>GraphQL recommendScaleOut.</summary>
    ScaleOut,

    /// <summary>cluster-autoscaler's gRPC expander, BestOptions.</summary>
    Expander,
}
