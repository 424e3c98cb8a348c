namespace Recommender.Core.Catalog;

/// <summary>
/// What a Kubernetes node keeps for itself (kubelet, container runtime, system daemons, eviction headroom), and
/// therefore what pods can actually use: allocatable = capacity - reservation.
/// </summary>
/// <remarks>
/// Rule (GKE's documented "node allocatable" tiers, which ACK's node resource reservation follows in shape; we
/// apply the GKE figures verbatim as a documented assumption, not as ACK's exact numbers):
/// <list type="bullet">
/// <item>CPU: 6% of the first core, 1% of the second, 0.5% of cores 3 and 4, 0.25% of every core above 4.</item>
/// <item>Memory: 25% of the first 4 GiB, 20% of the next 4 GiB, 10% of the next 8 GiB, 6% of the next 112 GiB,
/// 2% of everything above 128 GiB, plus a 100 MiB hard-eviction threshold.</item>
/// <item>GPUs: nothing reserved.</item>
/// </list>
/// Reservations are rounded up to whole millicores and MiB, so allocatable is never overstated.
/// Example: 4 vCPU / 16 GiB keeps 80 millicores and 2,763 MiB, leaving 3,920 millicores and 13,621 MiB (13.3 GiB).
/// <para>Burstable (credit) types sustain only their baseline share of each vCPU, so requests are covered with
/// <see cref="SustainedMillicores"/>: the allocatable CPU at that share, rounded down (ecs.t6-c1m4.2xlarge, 8 vCPU at
/// 40 %: 7,910 allocatable millicores count as 3,164).</para>
/// </remarks>
public static class NodeReservation
{
    /// <summary>Memory the kubelet keeps free before it starts evicting pods.</summary>
    public const long EvictionThresholdMiB = 100;

    public static long CapacityMillicores(InstanceType type) => type.Vcpu * 1000L;

    /// <summary>Raw memory in MiB (GiB figures are exact to the MiB for every real type; rounding guards the rest).</summary>
    public static long CapacityMemoryMiB(InstanceType type) => (long)Math.Round(type.MemoryGiB * 1024, MidpointRounding.AwayFromZero);

    public static long AllocatableMillicores(InstanceType type) =>
        Math.Max(0, CapacityMillicores(type) - ReservedMillicores(type.Vcpu));

    /// <summary>
    /// Allocatable CPU the node sustains, in millicores: <see cref="AllocatableMillicores"/> at the type's
    /// baseline share for burstable types (taken within 0–100 %, rounded down), unchanged for the rest.
    /// </summary>
    public static long SustainedMillicores(InstanceType type)
    {
        var allocatable = AllocatableMillicores(type);
        return type.BurstBaselinePercent is { } percent
            ? (long)decimal.Floor(allocatable * (decimal)Math.Clamp(percent, 0, 100) / 100)
            : allocatable;
    }

    public static long AllocatableMemoryMiB(InstanceType type)
    {
        var capacity = CapacityMemoryMiB(type);
        return Math.Max(0, capacity - ReservedMemoryMiB(capacity));
    }

    /// <summary>Reserved CPU of a node with <paramref name="vcpu"/> cores, in millicores (rounded up).</summary>
    public static long ReservedMillicores(int vcpu)
    {
        // Tiers in tenths of a millicore so the 0.25% tier (2.5 m per core) stays exact.
        long tenths = (600 * Tier(vcpu, 0, 1)) + (100 * Tier(vcpu, 1, 2)) + (50 * Tier(vcpu, 2, 4)) + (25 * Tier(vcpu, 4, long.MaxValue));
        return (tenths + 9) / 10;
    }

    /// <summary>Reserved memory of a node with <paramref name="capacityMiB"/> MiB, eviction threshold included (rounded up).</summary>
    public static long ReservedMemoryMiB(long capacityMiB)
    {
        // Percent of each tier, in hundredths of a MiB.
        long hundredths = (25 * Tier(capacityMiB, 0, 4096))
            + (20 * Tier(capacityMiB, 4096, 8192))
            + (10 * Tier(capacityMiB, 8192, 16384))
            + (6 * Tier(capacityMiB, 16384, 131072))
            + (2 * Tier(capacityMiB, 131072, long.MaxValue));
        return ((hundredths + 99) / 100) + EvictionThresholdMiB;
    }

    private static long Tier(long value, long from, long to) => Math.Clamp(value, from, to) - from;
}
