namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// One measured attack: the answer, the service's CPU seconds during the attack and afterwards (until it went idle, or
/// the settle limit), its peak RSS during the attack and RSS once settled, wall time, and log bytes when known.
/// </summary>
internal sealed record AttackRow(
    string Name,
    AttackResult Result,
    double CpuSeconds,
    double CpuAfterSeconds,
    TimeSpan SettleTime,
    bool Settled,
    double? PeakRssMiB,
    double? RssAfterMiB,
    TimeSpan Wall,
    long? LogBytes,
    string? ServiceNote);
