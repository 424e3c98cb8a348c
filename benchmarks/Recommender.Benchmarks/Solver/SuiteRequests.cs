using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Benchmarks.Solver;

/// <summary>
/// The benchmark's request mix, seeded: small, medium and large clusters (up to 20,000 vCPU), GPU clusters,
/// spot mixes with diversity, sameSize, zone subsets, pool limits and filters.
/// </summary>
public static class SuiteRequests
{
    public static IReadOnlyList<(string Kind, LayoutRequest Request)> Create(RegionCatalog catalog, int count = 220, int seed = 2026)
    {
        var random = new Random(seed);
        var zones = catalog.Region.Zones.Select(z => z.Id).ToArray();
        var gpuModels = catalog.InstanceTypes.Select(o => o.Type.GpuModel).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var requests = new List<(string, LayoutRequest)>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = (i % 10) switch
            {
                <= 3 => "small",
                <= 5 => "medium",
                6 => "large",
                7 => "gpu",
                8 => "spot-diverse",
                _ => "same-size",
            };
            requests.Add((kind, Create(kind, random, catalog, zones, gpuModels)));
        }

        return requests;
    }

    private static LayoutRequest Create(string kind, Random random, RegionCatalog catalog, string[] zones, string[] gpuModels)
    {
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        var cpu = kind switch
        {
            "small" => 1 + random.Next(64),
            "medium" => 64 + random.Next(936),
            "large" => Pick(1000, 2000, 5000, 10000, 20000) * (0.8 + (random.NextDouble() * 0.2)),
            "gpu" => 4 + random.Next(200),
            _ => 16 + random.Next(2000),
        };
        cpu = Math.Round(cpu, 1);
        var memory = Math.Round(cpu * Pick(1.0, 2, 4, 4, 8), 1);
        var perNode = Pick(4, 8, 16, 32, 64);
        var maxNodes = (int)Math.Clamp(Math.Ceiling(cpu / perNode) * Pick(2, 3, 5), 3, LayoutRequestLimits.MaxNodes);
        var requestZones = random.NextDouble() switch
        {
            < 0.4 => null,
            < 0.8 => new[] { Pick(zones) },
            _ => zones.OrderBy(_ => random.Next()).Take(2).ToArray(),
        };
        return new LayoutRequest
        {
            Provider = catalog.Provider,
            Region = catalog.Region.Id,
            Cpu = cpu,
            MemoryGiB = memory,
            Gpus = kind == "gpu" && gpuModels.Length > 0 ? Pick(1, 2, 4, 8, 16, 32) : 0,
            GpuModel = kind == "gpu" && gpuModels.Length > 0 && random.NextDouble() < 0.5 ? Pick(gpuModels) : null,
            MinNodes = Math.Min(maxNodes, Pick(1, 1, 2, 3)),
            MaxNodes = maxNodes,
            OnDemandPct = Pick(0, 0, 20, 25, 50, 100),
            SameSize = kind == "same-size" || random.NextDouble() < 0.1,
            Zones = requestZones,
            AllowBurst = random.NextDouble() < 0.7,
            AllowOlderGen = random.NextDouble() < 0.3,
            Architectures = random.NextDouble() < 0.15 ? [CpuArchitecture.X86] : null,
            Categories = random.NextDouble() < 0.1 ? [InstanceCategory.General, InstanceCategory.Compute] : null,
            LargestPod = random.NextDouble() < 0.15 ? new PodSize(Math.Min(cpu, 3), Math.Min(memory, 6)) : null,
            MaxPools = kind == "same-size" || random.NextDouble() < 0.2 ? Pick(1, 2, 3, 5) : null,
            SpotDiversity = kind == "spot-diverse" ? Pick(2, 3, 4) : random.NextDouble() < 0.1 ? 2 : 1,
        };
    }
}
