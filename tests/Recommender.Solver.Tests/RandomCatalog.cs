using Recommender.Core.Catalog;

namespace Recommender.Solver.Tests;

/// <summary>Seeded random catalogs with the awkward parts of real ones: gaps in stock and spot, GPUs, odd ratios.</summary>
public static class RandomCatalog
{
    public static RegionCatalog Create(int seed, int types)
    {
        var random = new Random(seed);
        var catalog = new TestCatalog("alibaba", "test-1a", "test-1b");
        var families = new[] { ("c", 2.0, InstanceCategory.Compute), ("g", 4.0, InstanceCategory.General), ("r", 8.0, InstanceCategory.Memory) };
        for (var i = 0; i < types; i++)
        {
            var (letter, ratio, category) = families[random.Next(families.Length)];
            var vcpu = new[] { 1, 2, 4, 8, 16 }[random.Next(5)];
            var memory = vcpu * ratio;
            var gpus = random.NextDouble() < 0.15 ? new[] { 1, 2, 4 }[random.Next(3)] : 0;
            var price = decimal.Round((decimal)((vcpu * 0.02) + (memory * 0.003) + (gpus * 0.4)) * (decimal)(0.85 + (random.NextDouble() * 0.3)), 4);
            var spotA = decimal.Round(price * (decimal)(0.2 + (random.NextDouble() * 0.5)), 4);
            var spotB = decimal.Round(price * (decimal)(0.2 + (random.NextDouble() * 0.5)), 4);
            var spot = random.NextDouble() switch
            {
                < 0.2 => Array.Empty<(string, decimal)>(),
                < 0.3 => [("test-1a", spotA)],
                _ => new[] { ("test-1a", spotA), ("test-1b", spotB) },
            };
            catalog.Add(
                $"ecs.{letter}{i % 3 + 5}.t{i}",
                vcpu,
                memory,
                price,
                gpus: gpus,
                gpuModel: gpus > 0 ? (random.Next(2) == 0 ? "T4" : "A10") : null,
                category: gpus > 0 ? InstanceCategory.Gpu : category,
                architecture: random.NextDouble() < 0.2 ? CpuArchitecture.Arm : CpuArchitecture.X86,
                bandwidthGbps: new[] { 1.0, 4, 12, 30 }[random.Next(4)],
                currentGen: random.NextDouble() > 0.1,
                burstBaseline: random.NextDouble() < 0.1 ? 20 : null,
                stockIn: random.NextDouble() < 0.15 ? ["test-1a"] : null,
                spotByZone: spot,
                family: $"ecs.{letter}{i % 3 + 5}");
        }

        return catalog.Build();
    }
}
