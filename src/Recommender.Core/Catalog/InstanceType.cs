using System.Text.Json.Serialization;

namespace Recommender.Core.Catalog;

/// <summary>
/// The hardware of one instance type. Identical in every region that offers it; prices and stock live on
/// <see cref="InstanceOffering"/>.
/// </summary>
/// <param name="Name">Provider's type id, e.g. <c>ecs.g7.large</c>.</param>
/// <param name="Family">Family id, e.g. <c>ecs.g7</c>.</param>
/// <param name="Generation">Family generation number (7 for g7); 0 when the provider does not say.</param>
/// <param name="IsCurrentGeneration">False for families the provider lists as previous generation.</param>
/// <param name="MemoryGiB">Memory in GiB (may be fractional for the smallest burstable types).</param>
/// <param name="GpuMemoryGiB">Memory of each GPU in GiB; 0 without GPUs.</param>
/// <param name="NetworkBandwidthGbps">Baseline (not burst) network bandwidth.</param>
/// <param name="PacketsPerSecond">Baseline packet forwarding rate.</param>
/// <param name="EniCount">Elastic network interfaces the type can attach (bounds pods per node with Terway).</param>
/// <param name="BurstBaselinePercent">
/// For burstable (credit) types, the sustained share of each vCPU in percent; null for everything else. Layouts count
/// a burstable type's vCPU at this share (<see cref="SustainedVcpu"/>, <see cref="NodeReservation.SustainedMillicores"/>).
/// </param>
public sealed record InstanceType(
    string Name,
    string Family,
    InstanceCategory Category,
    int Generation,
    bool IsCurrentGeneration,
    CpuArchitecture Architecture,
    int Vcpu,
    double MemoryGiB,
    int GpuCount,
    string? GpuModel,
    double GpuMemoryGiB,
    double NetworkBandwidthGbps,
    long PacketsPerSecond,
    int EniCount,
    double? BurstBaselinePercent,
    LocalStorage? LocalStorage)
{
    [JsonIgnore]
    public bool IsBurstable => BurstBaselinePercent is not null;

    /// <summary>
    /// vCPU the type sustains: <see cref="Vcpu"/> at the baseline share for burstable types (8 vCPU at 40 %: 3.2),
    /// <see cref="Vcpu"/> otherwise. The share is taken within 0–100 %.
    /// </summary>
    [JsonIgnore]
    public double SustainedVcpu => BurstBaselinePercent is { } percent ? Vcpu * Math.Clamp(percent, 0, 100) / 100 : Vcpu;

    [JsonIgnore]
    public NetworkPerformance NetworkPerformance => NetworkPerformanceClass.FromBandwidth(NetworkBandwidthGbps);
}
