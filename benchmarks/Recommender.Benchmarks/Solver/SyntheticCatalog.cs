using Recommender.Core.Catalog;

namespace Recommender.Benchmarks.Solver;

/// <summary>
/// An Alibaba-like region of about 1,000 instance types, seeded: ECS-style family names (ecs.g7, ecs.c8i, ecs.gn7i,
/// ...), sizes from large (2 vCPU) to 64xlarge (256 vCPU), memory ratios 1/2/4/8 GiB per vCPU, GPU families with
/// 1-8 GPUs, burstable and previous-generation families, Arm families, five zones with patchy stock, and spot
/// prices at 10-60% of on-demand that differ per zone (absent for a fifth of the types).
/// </summary>
public static class SyntheticCatalog
{
    public const string RegionId = "cn-synthetic";

    private static readonly (string Letter, double Ratio, InstanceCategory Category, double PricePerVcpu)[] Kinds =
    [
        ("c", 2, InstanceCategory.Compute, 0.0210),
        ("g", 4, InstanceCategory.General, 0.0250),
        ("r", 8, InstanceCategory.Memory, 0.0330),
        ("u1", 4, InstanceCategory.General, 0.0220),
        ("hfc", 2, InstanceCategory.HighClockSpeed, 0.0260),
        ("hfg", 4, InstanceCategory.HighClockSpeed, 0.0300),
        ("hfr", 8, InstanceCategory.HighClockSpeed, 0.0390),
        ("re", 16, InstanceCategory.Memory, 0.0520),
        ("d", 4, InstanceCategory.BigData, 0.0280),
        ("i", 8, InstanceCategory.LocalSsd, 0.0400),
        ("ic", 1, InstanceCategory.Compute, 0.0190),
    ];

    private static readonly string[] Generations = ["5", "6", "6e", "7", "7a", "8i", "8a", "8y"];

    private static readonly int[] Sizes = [2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];

    public static RegionCatalog Create(int seed = 1, int targetTypes = 1000)
    {
        var random = new Random(seed);
        var zones = new[] { "a", "b", "c", "d", "e" }.Select(z => $"{RegionId}-{z}").ToArray();
        var offerings = new List<InstanceOffering>();
        foreach (var (letter, ratio, category, perVcpu) in Kinds)
        {
            foreach (var generation in Generations)
            {
                AddFamily(offerings, random, zones, $"ecs.{letter}{generation}", category, ratio, perVcpu, generation, gpus: 0, gpuModel: null);
            }
        }

        foreach (var (family, model, gpuPrice) in new[] { ("ecs.gn6i", "T4", 0.9), ("ecs.gn7i", "A10", 1.6), ("ecs.gn6v", "V100", 2.6), ("ecs.gn7e", "A100", 4.1), ("ecs.sgn7i", "A10", 1.5) })
        {
            AddFamily(offerings, random, zones, family, InstanceCategory.Gpu, 4, 0.025, "6", gpus: 1, gpuModel: model, gpuPrice);
        }

        foreach (var family in new[] { "ecs.t5", "ecs.t6", "ecs.e" })
        {
            AddFamily(offerings, random, zones, family, InstanceCategory.Burstable, 4, 0.012, "6", gpus: 0, gpuModel: null, burstable: true);
        }

        while (offerings.Count < targetTypes)
        {
            var (letter, ratio, category, perVcpu) = Kinds[random.Next(Kinds.Length)];
            AddFamily(offerings, random, zones, $"ecs.{letter}{random.Next(9, 99)}x", category, ratio, perVcpu * 1.1, "9", gpus: 0, gpuModel: null);
        }

        var unique = offerings.DistinctBy(o => o.Name).Take(targetTypes).ToList();
        return new RegionCatalog(
            KnownProviders.Alibaba.Id,
            new Region(RegionId, "Synthetic (Alibaba-like)", [.. zones.Select(z => new Zone(z, z))]),
            "USD",
            CatalogSource.Snapshot,
            DateTimeOffset.UnixEpoch,
            seed,
            unique);
    }

    private static void AddFamily(
        List<InstanceOffering> offerings,
        Random random,
        string[] zones,
        string family,
        InstanceCategory category,
        double ratio,
        double perVcpu,
        string generation,
        int gpus,
        string? gpuModel,
        double gpuPrice = 0,
        bool burstable = false)
    {
        var arm = generation.EndsWith('y');
        var older = generation is "5" or "6";
        var familyFactor = 0.9 + (random.NextDouble() * 0.25);
        foreach (var vcpu in Sizes)
        {
            if (random.NextDouble() < 0.12 || (burstable && vcpu > 16) || (gpus > 0 && vcpu > 128))
            {
                continue;
            }

            var gpuCount = gpus > 0 ? Math.Max(1, vcpu / 16) : 0;
            var memory = vcpu * ratio;
            var onDemand = ((vcpu * perVcpu) + (gpuCount * gpuPrice)) * familyFactor * (0.97 + (random.NextDouble() * 0.06));
            var stock = zones.Select(z => new ZoneAvailability(z, random.NextDouble() < 0.85 ? StockStatus.WithStock : StockStatus.SoldOut)).ToList();
            var spot = random.NextDouble() < 0.8
                ? zones.Where(_ => random.NextDouble() < 0.95).Select(z => new ZonePrice(z, Round(onDemand * (0.1 + (random.NextDouble() * 0.5))))).ToList()
                : [];
            var type = new InstanceType(
                $"{family}.{SizeName(vcpu)}",
                family,
                category,
                int.TryParse(generation[..1], out var g) ? g : 0,
                !older,
                arm ? CpuArchitecture.Arm : CpuArchitecture.X86,
                vcpu,
                memory,
                gpuCount,
                gpuModel,
                gpuCount > 0 ? 24 : 0,
                Math.Min(100, 1 + (vcpu * 0.4)),
                vcpu * 100_000L,
                Math.Min(15, 2 + (vcpu / 8)),
                burstable ? 20 : null,
                null);
            offerings.Add(new InstanceOffering(type, Round(onDemand), spot, stock));
        }
    }

    private static decimal Round(double price) => Math.Round((decimal)price, 4);

    private static string SizeName(int vcpu) => vcpu switch
    {
        2 => "large",
        4 => "xlarge",
        _ => $"{vcpu / 4}xlarge",
    };
}
