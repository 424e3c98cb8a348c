using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Expander.ScaleOut;
using Recommender.Testing.Builders;
using static Recommender.Testing.Builders.InstanceTypes;

namespace Recommender.Expander.Tests.ScaleOut;

/// <summary>A small region for scale-out tests, and request shorthands.</summary>
internal static class ScaleOutCatalog
{
    public static readonly RegionCatalog Region = CatalogBuilder.Region(
    [
        New("ecs.g7.large", WithResources(2, 8), WithPrice(0.10m), WithSpotPrice("cn-test-a", 0.03m), WithSpotPrice("cn-test-b", 0.04m),
            WithSpotPrice("cn-test-c", 0.05m)),
        New("ecs.g7.xlarge", WithResources(4, 16), WithPrice(0.19m)),
        New("ecs.c7.xlarge", WithResources(4, 8), WithPrice(0.15m)),
        New("ecs.g7.4xlarge", WithResources(16, 64), WithPrice(0.90m)),
        New("ecs.g8y.xlarge", WithResources(4, 16), WithPrice(0.12m), WithArchitecture(CpuArchitecture.Arm)),
    ]);

    public static ScaleOutSolver Solver { get; } = new(TimeSpan.FromSeconds(5), workers: 1, randomSeed: 7);

    public static ExistingPool Pool(string name, string type, int nodes, int? max = 50, CapacityType capacity = CapacityType.OnDemand, bool canGrow = true,
        double? usedCpu = null, double? usedMemoryGiB = null, IReadOnlyList<string>? zones = null) =>
        new(name, type, capacity, nodes, zones ?? [], canGrow, max, usedCpu, usedMemoryGiB);

    public static ScaleOutRequest Request(params ExistingPool[] pools) => new() { Region = CatalogBuilder.DefaultRegion, Pools = pools };

    public static ScaleOutResult Solve(ScaleOutRequest request) => Solver.Solve(request, Region, CancellationToken.None);
}
