namespace Recommender.SampleCatalogGen;

/// <summary>
/// Size ladders shared by the families of one platform. Sizes follow Alibaba's naming (large = 2 vCPU, xlarge = 4,
/// Nxlarge = 4N); bandwidth, packets per second and ENI counts are the documented per-size figures of the platform's
/// reference family (g7, g8i, g7a, g8y, hfg7, g6, g5, sn2ne) as far as known, reused for its c and r siblings.
/// </summary>
public static class SizeLadders
{
    /// <summary>7th generation Intel (Ice Lake 8369B): g7, c7, r7.</summary>
    public static readonly IReadOnlyList<SizeStep> IntelGen7 =
    [
        new("large", 2, 2, 900_000, 3),
        new("xlarge", 4, 3, 1_000_000, 4),
        new("2xlarge", 8, 5, 1_600_000, 4),
        new("3xlarge", 12, 8, 2_400_000, 8),
        new("4xlarge", 16, 10, 3_000_000, 8),
        new("6xlarge", 24, 12, 4_500_000, 8),
        new("8xlarge", 32, 16, 6_000_000, 8),
        new("16xlarge", 64, 32, 9_000_000, 8),
        new("32xlarge", 128, 64, 24_000_000, 15),
    ];

    /// <summary>8th generation Intel (Sapphire Rapids 8475B): g8i, c8i, r8i.</summary>
    public static readonly IReadOnlyList<SizeStep> IntelGen8 =
    [
        new("large", 2, 2.5, 1_000_000, 3),
        new("xlarge", 4, 4, 1_200_000, 4),
        new("2xlarge", 8, 6, 1_600_000, 4),
        new("3xlarge", 12, 10, 2_400_000, 8),
        new("4xlarge", 16, 12, 3_000_000, 8),
        new("6xlarge", 24, 15, 4_500_000, 8),
        new("8xlarge", 32, 20, 6_000_000, 8),
        new("12xlarge", 48, 25, 9_000_000, 8),
        new("16xlarge", 64, 32, 12_000_000, 8),
        new("24xlarge", 96, 50, 18_000_000, 15),
        new("48xlarge", 192, 100, 30_000_000, 15),
    ];

    /// <summary>7th generation AMD (EPYC Milan 7T83): g7a, c7a, r7a.</summary>
    public static readonly IReadOnlyList<SizeStep> AmdGen7 =
    [
        new("large", 2, 1, 300_000, 2),
        new("xlarge", 4, 1.5, 500_000, 3),
        new("2xlarge", 8, 2.5, 1_000_000, 4),
        new("4xlarge", 16, 5, 1_500_000, 8),
        new("8xlarge", 32, 8, 2_000_000, 8),
        new("16xlarge", 64, 16, 4_000_000, 8),
        new("32xlarge", 128, 32, 6_000_000, 15),
    ];

    /// <summary>Yitian 710 (Arm): g8y, c8y, r8y.</summary>
    public static readonly IReadOnlyList<SizeStep> Yitian =
    [
        new("large", 2, 2, 1_000_000, 3),
        new("xlarge", 4, 3, 1_500_000, 4),
        new("2xlarge", 8, 5, 2_000_000, 4),
        new("4xlarge", 16, 10, 3_000_000, 8),
        new("8xlarge", 32, 16, 4_500_000, 8),
        new("16xlarge", 64, 32, 9_000_000, 8),
    ];

    /// <summary>High clock speed (Cooper Lake 8369HC, 3.3 GHz base): hfc7, hfg7.</summary>
    public static readonly IReadOnlyList<SizeStep> HighClockGen7 =
    [
        new("large", 2, 1, 300_000, 2),
        new("xlarge", 4, 1.5, 500_000, 3),
        new("2xlarge", 8, 2.5, 800_000, 4),
        new("3xlarge", 12, 4, 1_200_000, 6),
        new("4xlarge", 16, 5, 1_600_000, 8),
        new("6xlarge", 24, 7.5, 2_400_000, 8),
        new("8xlarge", 32, 10, 3_200_000, 8),
        new("12xlarge", 48, 15, 4_800_000, 8),
        new("24xlarge", 96, 30, 9_000_000, 8),
    ];

    /// <summary>Universal u1 (mixed Intel Xeon Platinum hosts), used for each of its c1mN memory ratios.</summary>
    public static readonly IReadOnlyList<SizeStep> Universal =
    [
        new("large", 2, 1, 250_000, 2),
        new("xlarge", 4, 1.5, 500_000, 3),
        new("2xlarge", 8, 2.5, 800_000, 3),
        new("3xlarge", 12, 3, 1_000_000, 4),
        new("4xlarge", 16, 4, 1_200_000, 4),
        new("8xlarge", 32, 8, 2_000_000, 4),
    ];

    /// <summary>6th generation Intel (Cascade Lake 8269CY): g6, c6, r6.</summary>
    public static readonly IReadOnlyList<SizeStep> IntelGen6 =
    [
        new("large", 2, 1, 300_000, 2),
        new("xlarge", 4, 1.5, 500_000, 3),
        new("2xlarge", 8, 2.5, 800_000, 4),
        new("3xlarge", 12, 4, 1_100_000, 6),
        new("4xlarge", 16, 5, 1_300_000, 8),
        new("6xlarge", 24, 7.5, 1_900_000, 8),
        new("8xlarge", 32, 10, 2_500_000, 8),
        new("13xlarge", 52, 12.5, 3_000_000, 7),
        new("26xlarge", 104, 25, 6_000_000, 15),
    ];

    /// <summary>5th generation Intel (Skylake 8163): g5, c5, r5.</summary>
    public static readonly IReadOnlyList<SizeStep> IntelGen5 =
    [
        new("large", 2, 1, 300_000, 2),
        new("xlarge", 4, 1.5, 500_000, 3),
        new("2xlarge", 8, 2.5, 800_000, 4),
        new("3xlarge", 12, 4, 900_000, 6),
        new("4xlarge", 16, 5, 1_000_000, 8),
        new("6xlarge", 24, 7.5, 1_500_000, 8),
        new("8xlarge", 32, 10, 2_000_000, 8),
        new("16xlarge", 64, 20, 4_000_000, 8),
    ];

    /// <summary>Network-enhanced Broadwell (E5-2682 v4): sn1ne, sn2ne (only sn2ne has the 14xlarge).</summary>
    public static readonly IReadOnlyList<SizeStep> NetworkEnhanced =
    [
        new("large", 2, 1, 300_000, 2),
        new("xlarge", 4, 1.5, 500_000, 3),
        new("2xlarge", 8, 2, 1_000_000, 4),
        new("3xlarge", 12, 2.5, 1_300_000, 6),
        new("4xlarge", 16, 3, 1_600_000, 8),
        new("6xlarge", 24, 4.5, 2_000_000, 8),
        new("8xlarge", 32, 6, 2_500_000, 8),
    ];

    public static readonly SizeStep NetworkEnhancedLargest = new("14xlarge", 56, 10, 4_500_000, 8);

    public static IReadOnlyList<TypeSpec> Build(string typePrefix, double memoryGiBPerVcpu, IReadOnlyList<SizeStep> ladder) =>
        ladder.Select(step => step.ToType(typePrefix, memoryGiBPerVcpu)).ToList();
}
