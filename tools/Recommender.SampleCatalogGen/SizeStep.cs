using System.Globalization;

namespace Recommender.SampleCatalogGen;

/// <summary>
/// One rung of a family's size ladder: the size suffix and the network figures that Alibaba documents per size.
/// Memory is not here because it follows from the family's vCPU:GiB ratio.
/// </summary>
public sealed record SizeStep(string Suffix, int Vcpu, double BandwidthGbps, long PacketsPerSecond, int EniCount)
{
    /// <param name="typePrefix">Everything before the size, e.g. <c>ecs.g7</c> or <c>ecs.u1-c1m2</c>.</param>
    public TypeSpec ToType(string typePrefix, double memoryGiBPerVcpu) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{typePrefix}.{Suffix}"), Vcpu, Vcpu * memoryGiBPerVcpu,
            BandwidthGbps, PacketsPerSecond, EniCount);
}
