namespace Recommender.Provisioning.Inputs;

/// <summary>Lets the cluster autoscaler keep the pool between <see cref="Min"/> and <see cref="Max"/> nodes.</summary>
public sealed record AutoScalingRange(int Min, int Max);
