namespace Recommender.Core.Recommendations;

/// <summary>
/// Upper limits a <see cref="LayoutRequest"/> must respect. They keep the integer model far from overflow and
/// reject obvious typos (10 million vCPU); all are well above anything one Kubernetes cluster can run.
/// </summary>
public static class LayoutRequestLimits
{
    /// <summary>Total vCPU (ACK's 5,000-node cluster limit x 200 vCPU).</summary>
    public const double Cpu = 1_000_000;

    /// <summary>Total memory, GiB.</summary>
    public const double MemoryGiB = 8_000_000;

    public const int Gpus = 40_000;

    /// <summary>Nodes per cluster: the ACK Pro documented maximum.</summary>
    public const int MaxNodes = 5_000;

    public const int MaxPools = 100;

    public const int SpotDiversity = 20;

    public const int Alternatives = 10;

    /// <summary>Entries in each list argument (zones, includes, excludes, ...).</summary>
    public const int ListLength = 500;
}
