namespace Recommender.Core.Catalog;

/// <summary>Maps baseline bandwidth to <see cref="NetworkPerformance"/>; the thresholds are part of our public API.</summary>
public static class NetworkPerformanceClass
{
    /// <summary>Below this (Gbit/s) a type is <see cref="NetworkPerformance.Low"/>.</summary>
    public const double ModerateFromGbps = 2.0;

    /// <summary>From this bandwidth on a type is <see cref="NetworkPerformance.High"/>.</summary>
    public const double HighFromGbps = 10.0;

    /// <summary>From this bandwidth on a type is <see cref="NetworkPerformance.ExtraHigh"/>.</summary>
    public const double ExtraHighFromGbps = 25.0;

    public static NetworkPerformance FromBandwidth(double gbps) => gbps switch
    {
        >= ExtraHighFromGbps => NetworkPerformance.ExtraHigh,
        >= HighFromGbps => NetworkPerformance.High,
        >= ModerateFromGbps => NetworkPerformance.Moderate,
        _ => NetworkPerformance.Low,
    };
}
