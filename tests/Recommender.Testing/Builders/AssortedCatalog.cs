using Recommender.Core.Catalog;
using static Recommender.Testing.Builders.InstanceTypes;

namespace Recommender.Testing.Builders;

/// <summary>The family table behind <see cref="InstanceTypes.Assorted"/> (KWOK provider idea: families × sizes).</summary>
internal static class AssortedCatalog
{
    private static readonly (string Suffix, int Vcpu)[] Sizes =
    [
        ("large", 2), ("xlarge", 4), ("2xlarge", 8), ("3xlarge", 12), ("4xlarge", 16), ("6xlarge", 24),
        ("8xlarge", 32), ("12xlarge", 48), ("16xlarge", 64), ("24xlarge", 96), ("32xlarge", 128),
    ];

    private static readonly (string Family, InstanceCategory Category, double GiBPerVcpu, int Generation, bool Current, CpuArchitecture Arch)[]
        Families =
        [
            ("g7", InstanceCategory.General, 4, 7, true, CpuArchitecture.X86),
            ("c7", InstanceCategory.Compute, 2, 7, true, CpuArchitecture.X86),
            ("r7", InstanceCategory.Memory, 8, 7, true, CpuArchitecture.X86),
            ("g6", InstanceCategory.General, 4, 6, true, CpuArchitecture.X86),
            ("c6", InstanceCategory.Compute, 2, 6, true, CpuArchitecture.X86),
            ("r6", InstanceCategory.Memory, 8, 6, true, CpuArchitecture.X86),
            ("g5", InstanceCategory.General, 4, 5, false, CpuArchitecture.X86),
            ("c5", InstanceCategory.Compute, 2, 5, false, CpuArchitecture.X86),
            ("r5", InstanceCategory.Memory, 8, 5, false, CpuArchitecture.X86),
            ("g8y", InstanceCategory.General, 4, 8, true, CpuArchitecture.Arm),
            ("c8y", InstanceCategory.Compute, 2, 8, true, CpuArchitecture.Arm),
            ("r8y", InstanceCategory.Memory, 8, 8, true, CpuArchitecture.Arm),
            ("hfc7", InstanceCategory.HighClockSpeed, 2, 7, true, CpuArchitecture.X86),
        ];

    public static IReadOnlyList<InstanceOffering> Build(IReadOnlyList<string> zones)
    {
        var all = new List<InstanceOffering>();
        foreach (var f in Families)
        {
            foreach (var (suffix, vcpu) in Sizes)
            {
                all.Add(Vary(
                    New(
                        $"ecs.{f.Family}.{suffix}",
                        WithResources(vcpu, vcpu * f.GiBPerVcpu),
                        WithCategory(f.Category),
                        WithGeneration(f.Generation, f.Current),
                        WithArchitecture(f.Arch),
                        WithNetwork(Math.Min(64, vcpu * 0.8), vcpu * 250_000L, Math.Min(15, 2 + (vcpu / 4)))),
                    all.Count,
                    zones));
            }
        }

        (string Suffix, int Vcpu, double GiB)[] burstable = [("nano", 2, 0.5), ("micro", 2, 1), ("small", 2, 2), ("large", 2, 4), ("xlarge", 4, 16), ("2xlarge", 8, 32)];
        foreach (var (suffix, vcpu, gib) in burstable)
        {
            all.Add(Vary(New($"ecs.t6-c1m1.{suffix}", WithResources(vcpu, gib), Burstable(20), WithGeneration(6), WithNetwork(0.5)), all.Count, zones));
        }

        (string Suffix, int Vcpu, int Gpus)[] gpu = [("2xlarge", 8, 1), ("4xlarge", 16, 1), ("8xlarge", 32, 1), ("16xlarge", 64, 2), ("32xlarge", 128, 4)];
        foreach (var (suffix, vcpu, gpus) in gpu)
        {
            all.Add(Vary(
                New($"ecs.gn7i-c8g1.{suffix}", WithResources(vcpu, vcpu * 4), WithCategory(InstanceCategory.Gpu), WithGpus(gpus, "NVIDIA A10", 24),
                    WithNetwork(Math.Min(32, vcpu * 0.5))),
                all.Count,
                zones));
        }

        foreach (var (suffix, vcpu) in Sizes.Skip(2).Take(5))
        {
            all.Add(Vary(
                New($"ecs.d2s.{suffix}", WithResources(vcpu, vcpu * 4), WithCategory(InstanceCategory.BigData),
                    WithLocalStorage(vcpu / 2, 7_300, "local_hdd_pro"), WithNetwork(vcpu * 1.0)),
                all.Count,
                zones));
            all.Add(Vary(
                New($"ecs.i3.{suffix}", WithResources(vcpu, vcpu * 8), WithCategory(InstanceCategory.LocalSsd),
                    WithLocalStorage(Math.Max(1, vcpu / 8), 1_788, "local_ssd_pro"), WithNetwork(vcpu * 1.5)),
                all.Count,
                zones));
        }

        return all;
    }

    /// <summary>Deterministic variety by position: spot in some zones, one zone sold out, one zone missing.</summary>
    private static InstanceOffering Vary(InstanceOffering o, int index, IReadOnlyList<string> zones)
    {
        for (var z = 0; z < zones.Count; z++)
        {
            if ((index + z) % 3 != 0)
            {
                o = WithSpotPrice(zones[z], decimal.Round(o.OnDemandPrice * (0.2m + (0.05m * z)), 4))(o);
            }
        }

        if (zones.Count > 2 && index % 5 == 1)
        {
            o = SoldOutIn(zones[2])(o);
        }

        if (zones.Count > 1 && index % 7 == 3)
        {
            o = InZones([.. zones.Where(z => z != zones[1])])(o);
        }

        return o;
    }
}
