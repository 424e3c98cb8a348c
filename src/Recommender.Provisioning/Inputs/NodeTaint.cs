namespace Recommender.Provisioning.Inputs;

/// <summary>A Kubernetes taint put on every node of a pool; <see cref="Effect"/> is NoSchedule, PreferNoSchedule or NoExecute.</summary>
public sealed record NodeTaint(string Key, string Value, string Effect);
