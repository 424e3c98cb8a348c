namespace Recommender.Core.Recommendations;

/// <summary>The biggest single pod the cluster must be able to schedule.</summary>
public sealed record PodSize(double Cpu, double MemoryGiB, int Gpus = 0);
