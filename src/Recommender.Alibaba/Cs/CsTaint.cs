namespace Recommender.Alibaba.Cs;

/// <summary>A node taint of <c>kubernetes_config.taints[]</c>; <see cref="Effect"/> is NoSchedule, PreferNoSchedule or NoExecute.</summary>
public sealed record CsTaint(string Key, string Value, string Effect);
