namespace Recommender.Provisioning.Inputs;

/// <summary>Pipeline's <c>properties</c>: only the <c>acsk</c> (Alibaba ACK) part is understood.</summary>
public sealed record PipelineClusterProperties
{
    public PipelineAcskProperties? Acsk { get; init; }
}
