namespace Recommender.Provisioning.Inputs;

/// <summary>One of Pipeline's <c>properties.acsk.nodePools</c>; <see cref="Autoscaling"/> with min and max counts is optional.</summary>
public sealed record PipelineNodePool
{
    public int? Count { get; init; }

    /// <summary>An image id, sent as <c>image_id</c>.</summary>
    public string? Image { get; init; }

    public string? InstanceType { get; init; }

    public string? SystemDiskCategory { get; init; }

    public int? SystemDiskSize { get; init; }

    public bool? Autoscaling { get; init; }

    public int? MinCount { get; init; }

    public int? MaxCount { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
