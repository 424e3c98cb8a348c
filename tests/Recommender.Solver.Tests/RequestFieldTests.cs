using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;
using static Recommender.Solver.Tests.Layouts;

namespace Recommender.Solver.Tests;

/// <summary>One test per request field, each built so that ignoring the field changes the answer.</summary>
public sealed class RequestFieldTests
{
    private static TestCatalog Base() => new TestCatalog()
        .Add("ecs.g7.large", 2, 8, 0.10m, 0.030m)
        .Add("ecs.g7.xlarge", 4, 16, 0.20m, 0.060m)
        .Add("ecs.c7.xlarge", 4, 8, 0.17m, 0.050m, category: InstanceCategory.Compute)
        .Add("ecs.r7.xlarge", 4, 32, 0.26m, 0.080m, category: InstanceCategory.Memory)
        .Add("ecs.g7.4xlarge", 16, 64, 0.84m, 0.260m, bandwidthGbps: 12)
        .Add("ecs.c7.4xlarge", 16, 32, 0.70m, 0.220m, category: InstanceCategory.Compute, bandwidthGbps: 12);

    private static TestCatalog WithGpus() => Base()
        .Add("ecs.gn6i.xlarge", 4, 16, 1.0m, 0.3m, gpus: 1, gpuModel: "T4", category: InstanceCategory.Gpu)
        .Add("ecs.gn7i.xlarge", 4, 16, 1.5m, 0.5m, gpus: 1, gpuModel: "A10", category: InstanceCategory.Gpu);

    [Fact]
    public void Provider_must_be_the_catalogs()
    {
        var e = Assert.Throws<ValidationException>(() => CpSat.Recommend(Request(4, 8) with { Provider = "aws" }, Base().Build()));
        Assert.Equal("provider", e.Argument);
    }

    [Fact]
    public void Region_must_be_the_catalogs()
    {
        var e = Assert.Throws<ValidationException>(() => CpSat.Recommend(Request(4, 8) with { Region = "cn-beijing" }, Base().Build()));
        Assert.Equal("region", e.Argument);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(75.5)]
    public void Cpu_is_covered_by_allocatable_vcpu(double cpu)
    {
        var layout = Best(Request(cpu, 1), Base().Build());
        Assert.True(layout.Allocatable.Vcpu >= cpu);
        Assert.True(layout.Raw.Vcpu > layout.Allocatable.Vcpu, "raw capacity includes the reservation");
    }

    [Fact]
    public void MemoryGiB_is_covered_by_allocatable_memory()
    {
        var layout = Best(Request(1, 100), Base().Build());
        Assert.True(layout.Allocatable.MemoryGiB >= 100);
        Assert.Equal(Math.Round(layout.Allocatable.MemoryGiB - 100, 3), layout.AboveRequest.MemoryGiB);
    }

    [Fact]
    public void Gpus_are_covered()
    {
        var layout = Best(Request(4, 8) with { Gpus = 3 }, WithGpus().Build());
        Assert.True(layout.Allocatable.Gpus >= 3);
    }

    [Fact]
    public void GpuModel_rules_out_other_gpu_models()
    {
        var catalog = WithGpus().Build();
        Assert.Contains("ecs.gn6i.xlarge", Best(Request(4, 8) with { Gpus = 2 }, catalog).Types());
        var layout = Best(Request(4, 8) with { Gpus = 2, GpuModel = "A10" }, catalog);
        Assert.DoesNotContain("ecs.gn6i.xlarge", layout.Types());
        Assert.Contains("ecs.gn7i.xlarge", layout.Types());
    }

    [Fact]
    public void MinNodes_is_a_floor_on_the_node_count()
    {
        var catalog = Base().Build();
        Assert.True(Best(Request(4, 8), catalog).NodeCount < 6);
        Assert.True(Best(Request(4, 8) with { MinNodes = 6 }, catalog).NodeCount >= 6);
    }

    [Fact]
    public void MaxNodes_is_a_ceiling_on_the_node_count()
    {
        var catalog = Base().Build();
        Assert.True(Best(Request(60, 100), catalog).NodeCount > 4);
        Assert.True(Best(Request(60, 100) with { MaxNodes = 4 }, catalog).NodeCount <= 4);
    }

    [Fact]
    public void OnDemandPct_puts_that_share_of_cpu_and_memory_on_demand()
    {
        var catalog = Base().Build();
        Assert.All(Best(Request(40, 80), catalog).Pools, p => Assert.Equal(CapacityType.Spot, p.CapacityType));
        var layout = Best(Request(40, 80) with { OnDemandPct = 50 }, catalog);
        var onDemand = layout.Pools.Where(p => p.CapacityType == CapacityType.OnDemand).ToList();
        var cpu = onDemand.Sum(p => p.NodeCount * NodeReservation.AllocatableMillicores(catalog.Find(p.InstanceType)!.Type)) / 1000.0;
        var memory = onDemand.Sum(p => p.NodeCount * NodeReservation.AllocatableMemoryMiB(catalog.Find(p.InstanceType)!.Type)) / 1024.0;
        Assert.True(cpu >= 20 && memory >= 40, $"{cpu} vCPU, {memory} GiB on demand");
    }

    [Fact]
    public void SameSize_gives_every_node_one_size()
    {
        var catalog = Base().Build();
        static int Sizes(Layout l, RegionCatalog c) => l.Pools.Select(p => c.Find(p.InstanceType)!.Type).Select(t => (t.Vcpu, t.MemoryGiB)).Distinct().Count();
        Assert.True(Sizes(Best(Request(5.5, 1), catalog), catalog) > 1);
        Assert.Equal(1, Sizes(Best(Request(5.5, 1) with { SameSize = true }, catalog), catalog));
    }

    [Fact]
    public void Zones_require_stock_in_each_and_price_spot_at_the_highest()
    {
        var catalog = Base()
            .Add("ecs.g8i.2xlarge", 8, 32, 0.30m, spotByZone: [("test-1a", 0.02m), ("test-1b", 0.40m)], stockIn: ["test-1a", "test-1b"])
            .Add("ecs.g8a.2xlarge", 8, 32, 0.25m, 0.01m, stockIn: ["test-1a"])
            .Build();
        var everywhere = Best(Request(7.5, 16), catalog);
        Assert.DoesNotContain("ecs.g8a.2xlarge", everywhere.Types());
        var zoneA = Best(Request(7.5, 16) with { Zones = ["test-1a"] }, catalog);
        Assert.Equal(["ecs.g8a.2xlarge"], zoneA.Types());
        var excludingA = Best(Request(7.5, 16) with { Zones = ["test-1b"], Excludes = ["ecs.g8a"] }, catalog);
        Assert.DoesNotContain(excludingA.Pools, p => p.InstanceType == "ecs.g8i.2xlarge" && p.CapacityType == CapacityType.Spot);
        var bothZones = LayoutFactory.Create([new PoolChoice(catalog.Find("ecs.g8i.2xlarge")!, CapacityType.Spot, 1, 0.02m)], Request(7.5, 16));
        Assert.Contains(LayoutChecker.Check(Request(7.5, 16), catalog, bothZones.Pools), v => v.Rule == "price");
    }

    [Fact]
    public void NetworkPerf_keeps_only_accepted_classes()
    {
        var layout = Best(Request(16, 32) with { NetworkPerf = [NetworkPerformance.High] }, Base().Build());
        Assert.All(layout.Types(), t => Assert.EndsWith("4xlarge", t, StringComparison.Ordinal));
        Assert.DoesNotContain(Best(Request(16, 32), Base().Build()).Types(), t => t.EndsWith("4xlarge", StringComparison.Ordinal));
    }

    [Fact]
    public void Categories_keep_only_accepted_categories()
    {
        var layout = Best(Request(8, 8) with { Categories = [InstanceCategory.Memory] }, Base().Build());
        Assert.Equal(["ecs.r7.xlarge"], layout.Types());
    }

    [Fact]
    public void Includes_accept_types_and_families()
    {
        var catalog = Base().Build();
        Assert.Equal(["ecs.r7.xlarge"], Best(Request(8, 8) with { Includes = ["ecs.r7"] }, catalog).Types());
        Assert.Equal(["ecs.g7.4xlarge"], Best(Request(8, 8) with { Includes = ["ecs.g7.4xlarge"] }, catalog).Types());
    }

    [Fact]
    public void Excludes_reject_types_and_families()
    {
        var catalog = Base().Build();
        var cheapest = Best(Request(8, 8), catalog).Types().ToList();
        var without = Best(Request(8, 8) with { Excludes = cheapest }, catalog);
        Assert.Empty(without.Types().Intersect(cheapest));
        Assert.DoesNotContain(Best(Request(8, 8) with { Excludes = ["ecs.c7", "ecs.g7"] }, catalog).Types(), t => !t.StartsWith("ecs.r7", StringComparison.Ordinal));
    }

    [Fact]
    public void AllowBurst_false_rejects_burstable_types()
    {
        var catalog = Base().Add("ecs.t6.large", 2, 8, 0.05m, 0.01m, burstBaseline: 20).Build();
        Assert.Contains("ecs.t6.large", Best(Request(8, 8), catalog).Types());
        Assert.DoesNotContain("ecs.t6.large", Best(Request(8, 8) with { AllowBurst = false }, catalog).Types());
    }

    [Fact]
    public void AllowOlderGen_true_accepts_previous_generation_types()
    {
        var catalog = Base().Add("ecs.sn2.large", 2, 8, 0.05m, 0.01m, currentGen: false).Build();
        Assert.DoesNotContain("ecs.sn2.large", Best(Request(8, 8), catalog).Types());
        Assert.Contains("ecs.sn2.large", Best(Request(8, 8) with { AllowOlderGen = true }, catalog).Types());
    }

    [Fact]
    public void Architectures_keep_only_accepted_architectures()
    {
        var catalog = Base().Add("ecs.g8y.large", 2, 8, 0.05m, 0.01m, architecture: CpuArchitecture.Arm).Build();
        Assert.Contains("ecs.g8y.large", Best(Request(8, 8), catalog).Types());
        Assert.DoesNotContain("ecs.g8y.large", Best(Request(8, 8) with { Architectures = [CpuArchitecture.X86] }, catalog).Types());
    }

    [Fact]
    public void LargestPod_must_fit_on_every_node_type()
    {
        var catalog = Base().Build();
        Assert.Contains(Best(Request(16, 16), catalog).Types(), t => catalog.Find(t)!.Type.Vcpu < 16);
        var layout = Best(Request(16, 16) with { LargestPod = new PodSize(6, 10) }, catalog);
        Assert.All(layout.Types(), t => Assert.True(NodeReservation.AllocatableMillicores(catalog.Find(t)!.Type) >= 6000));
    }

    [Fact]
    public void MaxPools_limits_the_pool_count()
    {
        var catalog = Base().Build();
        Assert.True(Best(Request(5.5, 1), catalog).Pools.Count > 1);
        Assert.Single(Best(Request(5.5, 1) with { MaxPools = 1 }, catalog).Pools);
    }

    [Fact]
    public void SpotDiversity_spreads_spot_vcpu_over_that_many_types()
    {
        var catalog = Base().Build();
        Assert.True(Best(Request(40, 40), catalog).Pools.Count(p => p.CapacityType == CapacityType.Spot) < 3);
        var layout = Best(Request(40, 40) with { SpotDiversity = 3 }, catalog);
        var spot = layout.Pools.Where(p => p.CapacityType == CapacityType.Spot).ToList();
        Assert.True(spot.Count >= 3);
        var total = spot.Sum(p => p.NodeCount * NodeReservation.AllocatableMillicores(catalog.Find(p.InstanceType)!.Type));
        Assert.All(spot, p => Assert.True(3 * p.NodeCount * NodeReservation.AllocatableMillicores(catalog.Find(p.InstanceType)!.Type) <= total));
    }

    [Fact]
    public void Alternatives_are_next_cheapest_with_different_type_sets()
    {
        var catalog = Base().Build();
        var answer = CpSat.Recommend(Request(24, 48) with { Alternatives = 4 }, catalog);
        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
        Assert.Equal(4, answer.Layouts.Count);
        var sets = answer.Layouts.Select(l => string.Join(",", l.Types().Order(StringComparer.Ordinal))).ToList();
        Assert.Equal(sets.Count, sets.Distinct().Count());
        for (var i = 1; i < answer.Layouts.Count; i++)
        {
            Assert.True(answer.Layouts[i - 1].HourlyPrice <= answer.Layouts[i].HourlyPrice);
            AssertValid(Request(24, 48), catalog, answer.Layouts[i]);
        }

        Assert.Single(CpSat.Recommend(Request(24, 48), catalog).Layouts);
    }

    [Fact]
    public void TimeLimitMs_bounds_this_requests_solve()
    {
        // A mixed on-demand share over 60 random types: hundreds of milliseconds to prove (the suite's slow class).
        var catalog = RandomCatalog.Create(7, 60);
        var request = Request(400, 1600) with { MaxNodes = 30, OnDemandPct = 50 };
        Assert.Equal(RecommendationStatus.Optimal, CpSat.Recommend(request, catalog).Status);

        var limited = CpSat.Recommend(request with { TimeLimitMs = 1 }, catalog);

        Assert.NotEqual(RecommendationStatus.Optimal, limited.Status);
        Assert.Contains(limited.Status, new[] { RecommendationStatus.Feasible, RecommendationStatus.TimedOut });
        Assert.All(limited.Layouts, l => AssertValid(request, catalog, l));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_001)]
    public void TimeLimitMs_outside_1_to_the_services_limit_is_refused(int ms)
    {
        var e = Assert.Throws<ValidationException>(() => CpSat.Recommend(Request(4, 8) with { TimeLimitMs = ms }, Base().Build()));
        Assert.Equal("timeLimitMs", e.Argument);
        Assert.Contains("10000", e.Message, StringComparison.Ordinal);
    }
}
