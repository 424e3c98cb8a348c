namespace Recommender.Emulators.Alibaba;

/// <summary>
/// How long CS operations take on the emulator's clock (contract §4: clusters <c>initial</c> → <c>running</c>, pools
/// <c>initial</c>/<c>scaling</c> → <c>active</c>, <c>deleting</c> → gone). Every delay is multiplied by
/// <see cref="TimeScale"/>, so a test can keep the realistic proportions and shrink them (10 emulated minutes at
/// 0.001 are 0.6 s), or advance a fake clock by <see cref="Scaled"/> amounts. Changes apply to operations started later.
/// </summary>
public sealed class CsTimings
{
    /// <summary>Multiplies every delay below; 1 is roughly real ACK, 0 makes everything finish at once.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>CreateCluster until the cluster is <c>running</c> and its task succeeds.</summary>
    public TimeSpan ClusterCreate { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>DeleteCluster until the cluster is gone.</summary>
    public TimeSpan ClusterDelete { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>CreateClusterNodePool until the pool starts buying nodes (the scaling group exists).</summary>
    public TimeSpan NodePoolCreate { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>From buying an instance until the node is Ready in the cluster.</summary>
    public TimeSpan NodeJoin { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>From scale-in until the node is drained, released and gone.</summary>
    public TimeSpan NodeRemove { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>DeleteClusterNodepool until the pool and its nodes are gone.</summary>
    public TimeSpan NodePoolDelete { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>HTTP status of a successful DeleteCluster: 200 today, 202 in older versions (contract §4).</summary>
    public int DeleteClusterStatus { get; set; } = 202;

    /// <summary><paramref name="delay"/> on the emulator's clock after <see cref="TimeScale"/>.</summary>
    public TimeSpan Scaled(TimeSpan delay) => delay * Math.Max(0, TimeScale);
}
