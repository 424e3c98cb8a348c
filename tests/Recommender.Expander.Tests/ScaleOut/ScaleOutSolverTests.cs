using Recommender.Core.Recommendations;
using Recommender.Expander.ScaleOut;
using static Recommender.Expander.Tests.ScaleOut.ScaleOutCatalog;

namespace Recommender.Expander.Tests.ScaleOut;

public sealed class ScaleOutSolverTests
{
    [Fact]
    public void Spare_capacity_is_used_before_anything_is_added()
    {
        // 10 x g7.large = 19.4 allocatable vCPU; 12 used leaves about 7 vCPU spare, more than the 5 asked for.
        var request = Request(Pool("web", "ecs.g7.large", 10, usedCpu: 12, usedMemoryGiB: 20)) with { Cpu = 5, MemoryGiB = 10 };

        var result = Solve(request);

        Assert.Equal(RecommendationStatus.Optimal, result.Status);
        Assert.Empty(result.Plans[0].Changes);
        Assert.Equal(0m, result.Plans[0].AddedHourlyPrice);
        Assert.True(result.Demand.IsCoveredBySpare);
    }

    [Fact]
    public void Only_the_demand_beyond_spare_capacity_is_added()
    {
        var withSpare = Solve(Request(Pool("web", "ecs.g7.large", 10, usedCpu: 12, usedMemoryGiB: 20)) with { Cpu = 15, MemoryGiB = 10 });
        var full = Solve(Request(Pool("web", "ecs.g7.large", 10)) with { Cpu = 15, MemoryGiB = 10 });

        Assert.Equal(RecommendationStatus.Optimal, withSpare.Status);
        Assert.True(withSpare.Demand.NetMilliCpu < full.Demand.NetMilliCpu);
        Assert.True(withSpare.Plans[0].AddedHourlyPrice < full.Plans[0].AddedHourlyPrice);
        Assert.True(SumAdded(withSpare.Plans[0], o => o.Vcpu) * 1000 >= withSpare.Demand.NetMilliCpu * 0.98);
    }

    [Fact]
    public void Growing_counts_against_the_pool_max_size_and_new_pools_against_the_limit()
    {
        // Spot g7.large is by far the cheapest per vCPU, but the pool may add 2 nodes only and no new pool is allowed.
        var request = Request(
            Pool("spot", "ecs.g7.large", 3, max: 5, capacity: CapacityType.Spot),
            Pool("od", "ecs.g7.xlarge", 2, max: 20)) with { Cpu = 23, MaxNewPools = 0 };

        var result = Solve(request);

        Assert.Equal(RecommendationStatus.Optimal, result.Status);
        var plan = result.Plans[0];
        Assert.All(plan.Changes, c => Assert.False(c.IsNew));
        Assert.Equal(2, plan.Changes.Single(c => c.Pool == "spot").NodesAdded);
        Assert.All(plan.Layout, p => Assert.True(p.NodesAfter <= (p.Pool == "spot" ? 5 : 20)));
    }

    [Fact]
    public void New_pools_are_added_when_growth_is_dearer_and_allowed()
    {
        var result = Solve(Request(Pool("big", "ecs.g7.4xlarge", 1, canGrow: true)) with { Cpu = 3, MemoryGiB = 4 });

        Assert.Equal(RecommendationStatus.Optimal, result.Status);
        Assert.Contains(result.Plans[0].Changes, c => c.IsNew);
        Assert.True(result.Plans[0].AddedHourlyPrice < 0.90m);
        Assert.NotNull(result.Baseline);
        Assert.Equal(0.90m, result.Baseline!.AddedHourlyPrice);
    }

    [Fact]
    public void The_on_demand_share_is_kept_in_what_is_added()
    {
        var result = Solve(Request(Pool("spot", "ecs.g7.large", 3, capacity: CapacityType.Spot)) with { Cpu = 8, OnDemandPct = 50 });

        var onDemand = result.Plans[0].Changes.Where(c => c.CapacityType == CapacityType.OnDemand).Sum(c => c.NodesAdded * Vcpu(c.InstanceType));
        Assert.True(onDemand >= 4, $"on-demand vCPU added {onDemand}");
    }

    [Fact]
    public void Every_pending_pod_fits_a_node_of_the_change()
    {
        var pods = new[]
        {
            new ScaleOutPod("db", 2, 3.5, 12, 0),
            new ScaleOutPod("arm-job", 3, 1, 2, 0, new Dictionary<string, string> { ["kubernetes.io/arch"] = "arm64" }),
            new ScaleOutPod("zonal", 1, 0.5, 1, 0, new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "cn-test-b" }),
        };
        var result = Solve(Request(Pool("web", "ecs.g7.large", 4)) with { Pods = pods });

        Assert.Equal(PodRule.Packed, result.PodRule);
        Assert.Contains(result.Status, new[] { RecommendationStatus.Optimal, RecommendationStatus.Feasible });
        var plan = result.Plans[0];
        Assert.Contains(plan.Changes, c => c.InstanceType == "ecs.g8y.xlarge");
        Assert.Contains(plan.Changes, c => c.Zones.SequenceEqual(["cn-test-b"]));
        Assert.True(PodCheck.AllFit(pods, plan, Region), "the pods do not pack onto the added nodes");
    }

    [Fact]
    public void Nodes_added_to_pack_the_pods_never_take_a_pool_past_its_max_size()
    {
        // Three 2.5 vCPU pods: in total they fit two xlarge nodes, but one node holds only one of them, so packing needs
        // three. The pool may add two, and no new pool is allowed: no answer may grow it to four.
        var pods = new[] { new ScaleOutPod("batch", 3, 2.5, 1, 0) };
        var request = Request(Pool("web", "ecs.g7.xlarge", 1, max: 3)) with { Pods = pods, AllowNewPools = false };

        var result = Solve(request);

        Assert.NotEqual(RecommendationStatus.Optimal, result.Status);
        Assert.All(result.Plans, plan => Assert.All(plan.Layout, p => Assert.True(p.NodesAfter <= 3, $"{p.Pool} grew to {p.NodesAfter}")));
        Assert.NotNull(result.Explanation);
    }

    [Fact]
    public void Beyond_the_exact_size_the_largest_pod_rule_applies()
    {
        var pods = new[] { new ScaleOutPod("small", 150, 0.25, 0.5, 0), new ScaleOutPod("large", 1, 12, 40, 0) };

        var result = Solve(Request(Pool("web", "ecs.g7.large", 4)) with { Pods = pods });

        Assert.Equal(PodRule.LargestPod, result.PodRule);
        Assert.Contains(result.Plans[0].Changes, c => c.InstanceType == "ecs.g7.4xlarge");
    }

    [Fact]
    public void A_pod_no_option_can_hold_is_an_infeasible_answer_with_its_name()
    {
        var result = Solve(Request(Pool("web", "ecs.g7.large", 4)) with { Pods = [new ScaleOutPod("giant", 1, 64, 8, 0)] });

        Assert.Equal(RecommendationStatus.Infeasible, result.Status);
        Assert.Contains("giant", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_growable_and_no_new_pools_is_infeasible()
    {
        var result = Solve(Request(Pool("web", "ecs.g7.large", 4, canGrow: false)) with { Cpu = 2, AllowNewPools = false });

        Assert.Equal(RecommendationStatus.Infeasible, result.Status);
        Assert.Empty(result.Plans);
    }

    [Fact]
    public void Alternatives_use_different_sets_and_cost_no_less()
    {
        var result = Solve(Request(Pool("web", "ecs.g7.large", 4), Pool("c", "ecs.c7.xlarge", 1)) with { Cpu = 10, MemoryGiB = 30, Alternatives = 3 });

        Assert.True(result.Plans.Count >= 2);
        for (var i = 1; i < result.Plans.Count; i++)
        {
            Assert.True(result.Plans[i].AddedHourlyPrice >= result.Plans[0].AddedHourlyPrice);
            Assert.NotEqual(Set(result.Plans[0]), Set(result.Plans[i]));
        }

        static string Set(ScaleOutPlan p) => string.Join(";", p.Changes.Select(c => $"{c.Pool}:{c.InstanceType}:{c.CapacityType}").Order(StringComparer.Ordinal));
    }

    private static int Vcpu(string type) => Region.Find(type)!.Type.Vcpu;

    private static double SumAdded(ScaleOutPlan plan, Func<ResourceTotalsLike, double> pick) =>
        plan.Changes.Sum(c => c.NodesAdded * pick(new ResourceTotalsLike(Vcpu(c.InstanceType))));

    private sealed record ResourceTotalsLike(double Vcpu);
}
