namespace Recommender.Alibaba.Cs;

/// <summary><c>auto_scaling</c>: with <see cref="Enable"/> the cluster autoscaler keeps the pool between the bounds.</summary>
public sealed record NodePoolAutoScaling
{
    public bool? Enable { get; init; }

    public int? MinInstances { get; init; }

    public int? MaxInstances { get; init; }

    /// <summary><c>cpu</c>, <c>gpu</c>, <c>gpushare</c> or <c>spot</c>.</summary>
    public string? Type { get; init; }
}
