using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Expander.ScaleOut;
using Recommender.Solver;

namespace Recommender.Benchmarks.ScaleOut;

/// <summary>
/// Turns a solver-suite request into a scale-out of a cluster already running it: two or three existing pools of types
/// the request's filters keep (one spot when allowed and sold as spot), sized to about the request's capacity, growable
/// to twice their size (one fixed); half of them state their usage at 70-95 %. The extra demand is 20-60 % of the
/// request; every third case adds pending pods (the request's largest pod when it has one, and small ones), every
/// ninth more than the exact packing limit. Filters, on-demand share and max pools carry over.
/// </summary>
public static class ScaleOutCases
{
    public static IReadOnlyList<(string Kind, ScaleOutRequest Request)> Create(RegionCatalog catalog, IReadOnlyList<(string Kind, LayoutRequest Request)> suite)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(suite);
        var random = new Random(2027);
        var cases = new List<(string, ScaleOutRequest)>();
        for (var i = 0; i < suite.Count; i++)
        {
            var (kind, request) = suite[i];
            var filter = new CandidateFilter(request, catalog);
            var kept = filter.Apply(catalog.InstanceTypes).Where(o => o.Type.Vcpu >= 2).ToList();
            if (kept.Count == 0)
            {
                continue;
            }

            var pools = new List<ExistingPool>();
            var poolCount = 2 + random.Next(2);
            for (var p = 0; p < poolCount; p++)
            {
                var type = kept[random.Next(kept.Count)];
                var spot = p == 0 && request.OnDemandPct < 100 && filter.SpotPrice(type) is not null;
                var share = Math.Max(request.Cpu / poolCount, 1);
                var nodes = Math.Clamp((int)Math.Ceiling(share / type.Type.Vcpu), 1, 200);
                var usage = random.Next(2) == 0 ? 0.7 + (random.NextDouble() * 0.25) : (double?)null;
                pools.Add(new ExistingPool($"pool-{p}", type.Name, spot ? CapacityType.Spot : CapacityType.OnDemand, nodes, filter.Zones,
                    p != poolCount - 1, nodes * 2, usage * nodes * type.Type.Vcpu, usage * nodes * type.Type.MemoryGiB));
            }

            var extra = 0.2 + (random.NextDouble() * 0.4);
            var pods = new List<ScaleOutPod>();
            if (i % 3 == 0)
            {
                if (request.LargestPod is { } largest)
                {
                    pods.Add(new ScaleOutPod("largest", 2, largest.Cpu, largest.MemoryGiB, largest.Gpus));
                }

                pods.Add(new ScaleOutPod("small", i % 9 == 0 ? 150 : 12, 0.5, 1, 0));
            }

            cases.Add((kind, new ScaleOutRequest
            {
                Provider = request.Provider,
                Region = request.Region,
                ClusterId = $"bench-{i}",
                Pools = pools,
                Cpu = Math.Round(request.Cpu * extra, 1),
                MemoryGiB = Math.Round(request.MemoryGiB * extra, 1),
                Gpus = (int)Math.Ceiling(request.Gpus * extra),
                Pods = pods,
                OnDemandPct = request.OnDemandPct,
                MaxNewPools = request.MaxPools is { } max ? Math.Max(1, max - 1) : 3,
                Zones = request.Zones,
                NetworkPerf = request.NetworkPerf,
                Categories = request.Categories,
                Includes = request.Includes,
                Excludes = request.Excludes,
                AllowBurst = request.AllowBurst,
                AllowOlderGen = request.AllowOlderGen,
                Architectures = request.Architectures,
                GpuModel = request.GpuModel,
            }));
        }

        return cases;
    }
}
