using Recommender.Alibaba.Cs;
using Recommender.Core.Recommendations;
using Recommender.Emulators.Alibaba;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Plans;

namespace Recommender.Provisioning.Tests.Plans;

/// <summary>The plan from a cluster's pools to a layout, and its price change from the catalog.</summary>
public sealed class LayoutPlannerTests
{
    private static readonly Core.Catalog.RegionCatalog Prices = SyntheticCatalog.Region("cn-test", 4, 2, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Pools_are_matched_by_name_scaled_created_and_kept_unless_deleting_is_asked()
    {
        var (a, b, c) = (Prices.InstanceTypes[0], Prices.InstanceTypes[1], Prices.InstanceTypes[2]);
        NodePool[] current = [Existing("np-1", "web", a.Name, 3), Existing("np-2", "old", b.Name, 2), Existing("np-3", "gone", b.Name, 1, NodePoolStatus.Deleting)];
        var layout = new LayoutSpec
        {
            Pools = [Wanted("web", a.Name, 5), Wanted("new", c.Name, 2)],
        };

        var kept = LayoutPlanner.Plan("c1", current, layout, deleteUnlisted: false, Prices);
        var pruned = LayoutPlanner.Plan("c1", current, layout, deleteUnlisted: true, Prices);

        Assert.Equal(
            [("web", NodePoolChangeKind.Scale, "np-1", 3, 5), ("new", NodePoolChangeKind.Create, null, 0, 2), ("old", NodePoolChangeKind.Unchanged, "np-2", 2, 2)],
            kept.Changes.Select(x => (x.Name, x.Kind, x.NodePoolId, x.FromCount, x.ToCount)));
        Assert.Equal((2 * a.OnDemandPrice) + (2 * c.OnDemandPrice), kept.HourlyPriceChange);
        Assert.Equal(NodePoolChangeKind.Delete, pruned.Changes.Single(x => x.Name == "old").Kind);
        Assert.Equal(kept.HourlyPriceChange - (2 * b.OnDemandPrice), pruned.HourlyPriceChange);
        Assert.Empty(kept.Unpriced);
    }

    [Fact]
    public void A_type_the_catalog_cannot_price_counts_as_zero_and_is_named()
    {
        var plan = LayoutPlanner.Plan("c1", [], new LayoutSpec { Pools = [Wanted("x", "ecs.unknown.large", 2)] }, false, Prices);

        Assert.Equal(0m, plan.HourlyPriceChange);
        Assert.Equal(["x"], plan.Unpriced);
        Assert.False(plan.IsEmpty);
    }

    private static NodePoolSpec Wanted(string name, string type, int count) => new() { Name = name, InstanceTypes = [type], NodeCount = count, CapacityType = CapacityType.OnDemand };

    private static NodePool Existing(string id, string name, string type, int size, string state = NodePoolStatus.Active) => new()
    {
        NodepoolInfo = new NodePoolInfo { Name = name, NodepoolId = id },
        ScalingGroup = new NodePoolScalingGroup { InstanceTypes = [type], DesiredSize = size, SpotStrategy = NodePoolScalingGroup.NoSpot },
        Status = new NodePoolStatus { State = state, TotalNodes = size },
    };
}
