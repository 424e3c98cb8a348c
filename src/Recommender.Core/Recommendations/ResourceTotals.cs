namespace Recommender.Core.Recommendations;

/// <summary>vCPU, memory and GPUs summed over a layout (or the difference to a request).</summary>
public sealed record ResourceTotals(double Vcpu, double MemoryGiB, int Gpus);
