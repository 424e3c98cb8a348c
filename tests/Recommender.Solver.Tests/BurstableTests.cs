using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver.Telescopes;
using static Recommender.Solver.Tests.Layouts;

namespace Recommender.Solver.Tests;

/// <summary>
/// Burstable (credit) types count at what they sustain: ecs.t6-c1m4.2xlarge's 8 vCPU at 40 % are 3.2, and its
/// 7.91 allocatable vCPU cover 3.164 of a request.
/// </summary>
public sealed class BurstableTests
{
    private static TestCatalog Burstable() => new TestCatalog()
        .Add("ecs.t6-c1m4.2xlarge", 8, 32, 0.10m, burstBaseline: 40, category: InstanceCategory.Burstable, family: "ecs.t6");

    private static InstanceType T6 => Burstable().Build().InstanceTypes[0].Type;

    [Fact]
    public void Eight_burstable_vcpu_count_as_their_baseline_share()
    {
        Assert.Equal(3.2, T6.SustainedVcpu, 9);
        Assert.Equal(7910, NodeReservation.AllocatableMillicores(T6));
        Assert.Equal(3164, NodeReservation.SustainedMillicores(T6)); // 7,910 × 40 %
        var g7 = new TestCatalog().Add("ecs.g7.2xlarge", 8, 32, 0.2m).Build().InstanceTypes[0].Type;
        Assert.Equal((8.0, NodeReservation.AllocatableMillicores(g7)), (g7.SustainedVcpu, NodeReservation.SustainedMillicores(g7)));
    }

    [Theory]
    [InlineData(3.164, 1)]
    [InlineData(3.2, 2)] // one node's raw 8 vCPU (7.91 allocatable) would do
    [InlineData(7, 3)]
    public void A_burstable_node_covers_only_its_sustained_vcpu(double cpu, int nodes)
    {
        var layout = Best(Request(cpu, 1), Burstable().Build());

        Assert.Equal(nodes, layout.NodeCount);
        Assert.Equal(nodes * 3.164, layout.Allocatable.SustainedVcpu, 9);
        Assert.Equal(nodes * 7.91, layout.Allocatable.Vcpu, 9);
        Assert.Equal(nodes * 3.2, layout.Raw.SustainedVcpu, 9);
        Assert.Equal(Math.Round((nodes * 3.164) - cpu, 3), layout.AboveRequest.SustainedVcpu, 9);
    }

    [Fact]
    public void A_request_burstable_types_meet_only_by_raw_vcpu_gets_a_non_burstable_layout()
    {
        // 7 vCPU: one t6 (7.91 allocatable) at 0.10 by raw vCPU, but three (9.49 sustained) at 0.30; one g7 costs 0.20.
        var catalog = Burstable().Add("ecs.g7.2xlarge", 8, 32, 0.20m).Build();

        var layout = Best(Request(7, 16), catalog);

        Assert.Equal(["ecs.g7.2xlarge"], layout.Types());
        Assert.Equal(0.20m, layout.HourlyPrice);
        Assert.Equal(layout.Allocatable.Vcpu, layout.Allocatable.SustainedVcpu);
        Assert.Contains("ecs.t6-c1m4.2xlarge", Best(Request(3, 16), catalog).Types()); // within its baseline it is the cheapest
    }

    [Fact]
    public void The_checker_rejects_a_layout_counted_at_raw_vcpu()
    {
        var catalog = Burstable().Build();
        var pools = new[] { new LayoutPool("ecs.t6-c1m4.2xlarge", CapacityType.OnDemand, 1, 0.10m, 0.10m) };

        Assert.Empty(LayoutChecker.Check(Request(3.164, 1), catalog, pools));
        Assert.Equal(["cpu"], LayoutChecker.Check(Request(7, 1), catalog, pools).Select(v => v.Rule));
        Assert.Equal(["largestPod"], LayoutChecker.Check(Request(1, 1) with { LargestPod = new PodSize(4, 1, 0) }, catalog, pools).Select(v => v.Rule));
        Assert.Contains(LayoutChecker.Check(Request(6, 1) with { OnDemandPct = 100 }, catalog, pools), v => v.Rule == "onDemandPct");
    }

    [Fact]
    public void The_largest_pod_must_fit_in_the_sustained_vcpu()
    {
        var catalog = Burstable().Add("ecs.g7.2xlarge", 8, 32, 0.20m).Build();
        Assert.Equal(["ecs.g7.2xlarge"], Best(Request(1, 1) with { LargestPod = new PodSize(4, 1, 0) }, catalog).Types());
    }

    [Fact]
    public void Telescopes_allocatable_sizing_counts_sustained_vcpu_and_raw_sizing_does_not()
    {
        var catalog = Burstable().Build();
        var request = Request(7, 1) with { OnDemandPct = 100 };

        Assert.Equal(3, new TelescopesGreedyRecommender(useAllocatable: true).Recommend(request, catalog)!.Nodes);
        Assert.Equal(1, new TelescopesGreedyRecommender().Recommend(request, catalog)!.Nodes);
    }
}
