namespace Recommender.Expander.Kubernetes;

/// <summary>A node taint; <see cref="Effect"/> is NoSchedule, PreferNoSchedule or NoExecute.</summary>
public sealed record Taint(string Key, string Value, string Effect)
{
    /// <summary>True for the effects that keep a pod without a matching toleration off the node.</summary>
    public bool Repels => Effect is "NoSchedule" or "NoExecute";
}
