namespace Recommender.Provisioning.Inputs;

/// <summary>
/// Pipeline's <c>properties.acsk</c>. With <see cref="MasterInstanceType"/> the cluster is dedicated (three masters of
/// that type), otherwise managed.
/// </summary>
public sealed record PipelineAcskProperties
{
    public string? RegionId { get; init; }

    public string? ZoneId { get; init; }

    public string? MasterInstanceType { get; init; }

    public string? MasterSystemDiskCategory { get; init; }

    /// <summary>Node pools by name.</summary>
    public IReadOnlyDictionary<string, PipelineNodePool>? NodePools { get; init; }
}
