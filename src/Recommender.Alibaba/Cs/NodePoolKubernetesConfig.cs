namespace Recommender.Alibaba.Cs;

/// <summary><c>kubernetes_config</c>: what every node of the pool gets in Kubernetes.</summary>
public sealed record NodePoolKubernetesConfig
{
    public IReadOnlyList<CsTag>? Labels { get; init; }

    public IReadOnlyList<CsTaint>? Taints { get; init; }

    /// <summary>e.g. <c>containerd</c>.</summary>
    public string? Runtime { get; init; }

    public string? RuntimeVersion { get; init; }

    /// <summary><c>none</c> or <c>static</c>.</summary>
    public string? CpuPolicy { get; init; }

    public bool? CmsEnabled { get; init; }

    public bool? Unschedulable { get; init; }
}
