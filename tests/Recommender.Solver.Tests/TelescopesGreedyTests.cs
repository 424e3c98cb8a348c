using Recommender.Core.Recommendations;
using Recommender.Solver.Telescopes;

namespace Recommender.Solver.Tests;

/// <summary>The port against the hand-checked facts of contracts/telescopes.md §3.</summary>
public sealed class TelescopesGreedyTests
{
    /// <summary>The illustrative amazon catalog of §3.9 (avgSpot given as the one zone's spot price).</summary>
    private static TestCatalog WorkedExampleCatalog() => new TestCatalog("amazon", "us-east-1a")
        .Add("m5.large", 2, 8, 0.096m, 0.036m)
        .Add("m5.xlarge", 4, 16, 0.192m, 0.070m)
        .Add("m5.2xlarge", 8, 32, 0.384m, 0.140m)
        .Add("c5.large", 2, 4, 0.085m, 0.032m)
        .Add("c5.xlarge", 4, 8, 0.170m, 0.060m)
        .Add("c5.2xlarge", 8, 16, 0.340m, 0.125m)
        .Add("r5.large", 2, 16, 0.126m, 0.033m)
        .Add("r5.xlarge", 4, 32, 0.252m, 0.070m)
        .Add("t3.large", 2, 8, 0.0832m, 0.025m, burstBaseline: 30);

    [Fact]
    public void Worked_example_of_section_3_9_is_reproduced()
    {
        var request = new LayoutRequest { Region = TestCatalog.Region, Cpu = 16, MemoryGiB = 48, MinNodes = 3, MaxNodes = 8, OnDemandPct = 25, AllowBurst = false };
        var result = new TelescopesGreedyRecommender().Recommend(request, WorkedExampleCatalog().Build())!;

        Assert.Equal("cpu", result.Attribute);
        Assert.Equal(
            [("m5.large", false, 2), ("r5.large", true, 2), ("m5.xlarge", true, 1), ("r5.xlarge", true, 1), ("m5.large", true, 1)],
            result.Pools.Select(p => (p.Offering.Name, p.IsSpot, p.Nodes)));
        Assert.Equal(0.434m, result.TotalPrice);
        Assert.Equal(18, result.Cpu);
        Assert.Equal(104, result.Memory);
        Assert.Equal(7, result.Nodes);
        Assert.Equal((2, 0.192m), (result.RegularNodes, result.RegularPrice));
        Assert.Equal((5, 0.242m), (result.SpotNodes, result.SpotPrice));
    }

    [Fact]
    public void Worked_example_memory_pass_costs_0_585()
    {
        // Only the memory pass can use c5.*: excluding the CPU pass's types leaves the memory set of §3.9.
        var request = new LayoutRequest
        {
            Region = TestCatalog.Region, Cpu = 16, MemoryGiB = 48, MinNodes = 3, MaxNodes = 8, OnDemandPct = 25, AllowBurst = false,
            Excludes = ["m5.large", "m5.xlarge", "r5.large", "r5.xlarge"],
        };
        var result = new TelescopesGreedyRecommender().Recommend(request, WorkedExampleCatalog().Build())!;

        Assert.Equal("memory", result.Attribute);
        Assert.Equal([("c5.xlarge", false, 2), ("c5.xlarge", true, 2), ("c5.2xlarge", true, 1)], result.Pools.Select(p => (p.Offering.Name, p.IsSpot, p.Nodes)));
        Assert.Equal(0.585m, result.TotalPrice);
    }

    [Fact]
    public void One_product_request_keeps_its_overshoot()
    {
        var catalog = new TestCatalog("amazon", "us-east-1a").Add("m5.4xlarge", 16, 42, 0.8m).Build();
        var request = new LayoutRequest { Region = TestCatalog.Region, Cpu = 16, MemoryGiB = 32, MinNodes = 1, MaxNodes = 1 };
        var result = new TelescopesGreedyRecommender().Recommend(request, catalog)!;
        Assert.Equal((16.0, 42.0), (result.Cpu, result.Memory));
        Assert.Equal(0, result.SpotNodes); // no spot price anywhere: onDemandPct forced to 100
    }

    [Fact]
    public void No_spot_pool_to_fill_does_not_crash()
    {
        // §3.6 panic: odNodes 9 leaves avgSpot 0, so N = 0 while 1 vCPU is still to place.
        var catalog = new TestCatalog("amazon", "us-east-1a")
            .Add("t.small", 1, 4, 0.01m, 0.004m)
            .Add("m.large", 2, 8, 0.05m, 0.02m)
            .Build();
        var request = new LayoutRequest { Region = TestCatalog.Region, Cpu = 10, MemoryGiB = 40, MinNodes = 2, MaxNodes = 10, OnDemandPct = 90 };
        var result = new TelescopesGreedyRecommender().Recommend(request, catalog)!;
        Assert.Equal(9, result.RegularNodes);
        Assert.True(result.SpotNodes >= 1);
        Assert.True(result.Cpu >= 10);
    }

    [Fact]
    public void Spare_spot_pools_have_zero_nodes_and_are_dropped_from_our_layout()
    {
        var request = new LayoutRequest { Region = TestCatalog.Region, Cpu = 16, MemoryGiB = 16, MinNodes = 1, MaxNodes = 4 };
        var catalog = WorkedExampleCatalog().Build();
        var result = new TelescopesGreedyRecommender().Recommend(request, catalog)!;
        Assert.Contains(result.Pools, p => p.Nodes == 0);
        Assert.All(LayoutFactory.Create(result.ToPoolChoices(request, catalog), request).Pools, p => Assert.True(p.NodeCount > 0));
    }
}
