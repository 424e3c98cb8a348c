using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>Seeded random requests that switch every rule on and off.</summary>
public static class RandomRequests
{
    public static LayoutRequest Create(Random random, RegionCatalog catalog, int maxNodes, double scale = 1)
    {
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        var minNodes = random.Next(1, Math.Min(3, maxNodes) + 1);
        return new LayoutRequest
        {
            Region = TestCatalog.Region,
            Cpu = Math.Round(random.NextDouble() * 12 * scale, 1),
            MemoryGiB = Math.Round(1 + (random.NextDouble() * 40 * scale), 1),
            Gpus = random.NextDouble() < 0.2 ? random.Next(1, 3) : 0,
            GpuModel = random.NextDouble() < 0.1 && catalog.InstanceTypes.Any(o => o.Type.GpuModel == "T4") ? "T4" : null,
            MinNodes = minNodes,
            MaxNodes = random.Next(minNodes, maxNodes + 1),
            OnDemandPct = Pick(0, 0, 25, 50, 100),
            SameSize = random.NextDouble() < 0.25,
            Zones = random.NextDouble() < 0.3 ? ["test-1a"] : null,
            AllowBurst = random.NextDouble() < 0.8,
            AllowOlderGen = random.NextDouble() < 0.3,
            Architectures = random.NextDouble() < 0.2 ? [CpuArchitecture.X86] : null,
            NetworkPerf = random.NextDouble() < 0.1 ? [NetworkPerformance.Moderate, NetworkPerformance.High] : null,
            LargestPod = random.NextDouble() < 0.15 ? new PodSize(1.5, 3) : null,
            MaxPools = random.NextDouble() < 0.3 ? random.Next(1, 3) : null,
            SpotDiversity = random.NextDouble() < 0.25 ? 2 : 1,
        };
    }
}
