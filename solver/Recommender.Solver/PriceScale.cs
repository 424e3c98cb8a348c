namespace Recommender.Solver;

/// <summary>Conversions between request units and the model's integers.</summary>
public static class PriceScale
{
    /// <summary>Prices become integers in millionths of the currency unit per hour.</summary>
    public const decimal MicrosPerUnit = 1_000_000m;

    public static long ToMicros(decimal price) => (long)decimal.Round(price * MicrosPerUnit, MidpointRounding.AwayFromZero);

    public static decimal FromMicros(long micros) => micros / MicrosPerUnit;

    /// <summary>Requested vCPU in millicores, rounded up so the request is never understated.</summary>
    public static long ToMillicores(double vcpu) => (long)Math.Ceiling(Math.Round(vcpu * 1000, 6));

    /// <summary>Requested GiB in MiB, rounded up.</summary>
    public static long ToMiB(double gib) => (long)Math.Ceiling(Math.Round(gib * 1024, 6));
}
