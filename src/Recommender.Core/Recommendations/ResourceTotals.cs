namespace Recommender.Core.Recommendations;

/// <summary>vCPU, memory and GPUs summed over a layout (or the difference to a request).</summary>
/// <param name="Vcpu">vCPU with burstable types at their full size.</param>
/// <param name="SustainedVcpu">
/// vCPU with burstable (credit) types at their baseline share: what the request's cpu is covered with.
/// Equal to <paramref name="Vcpu"/> for a layout without burstable types.
/// </param>
public sealed record ResourceTotals(double Vcpu, double MemoryGiB, int Gpus, double SustainedVcpu);
