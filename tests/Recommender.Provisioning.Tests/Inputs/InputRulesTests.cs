using Recommender.Core.Errors;
using Recommender.Core.Recommendations;
using Recommender.Provisioning.Inputs;

namespace Recommender.Provisioning.Tests.Inputs;

/// <summary>Bad input never reaches a step: each rule names the field it refuses.</summary>
public sealed class InputRulesTests
{
    public static TheoryData<string, Func<CreateClusterInput, CreateClusterInput>> Refusals => new()
    {
        { "secretId", i => i with { SecretId = "" } },
        { "cluster.name", i => i with { Cluster = i.Cluster with { Name = "has space" } } },
        { "cluster.region", i => i with { Cluster = i.Cluster with { Region = " " } } },
        { "cluster.masterInstanceType", i => i with { Cluster = i.Cluster with { Kind = ClusterKind.Dedicated } } },
        { "cluster.masterInstanceType", i => i with { Cluster = i.Cluster with { MasterInstanceType = "ecs.g9.large" } } },
        { "cluster.clusterSpecName", i => i with { Cluster = i.Cluster with { ClusterSpecName = "ack.huge" } } },
        { "cluster.network.vswitchIds", i => i with { Cluster = i.Cluster with { Network = new ClusterNetwork { VpcId = "vpc-1", VswitchIds = [] } } } },
        { "cluster.tags", i => i with { Cluster = i.Cluster with { Tags = new Dictionary<string, string> { ["recommender.operation-id"] = "x" } } } },
        { "layout.pools", i => i with { Layout = new LayoutSpec { Pools = [] } } },
        { "layout.pools[1].name", i => i with { Layout = new LayoutSpec { Pools = [Pool(), Pool()] } } },
        { "layout.pools[0].instanceTypes", i => i with { Layout = new LayoutSpec { Pools = [Pool() with { InstanceTypes = [] }] } } },
        { "layout.pools[0].nodeCount", i => i with { Layout = new LayoutSpec { Pools = [Pool() with { NodeCount = -1 }] } } },
        { "layout.pools[0].spotStrategy", i => i with { Layout = new LayoutSpec { Pools = [Pool() with { SpotStrategy = SpotStrategy.AsPriceGo }] } } },
        { "layout.pools[0].spotPriceLimit", i => i with { Layout = new LayoutSpec { Pools = [Pool() with { CapacityType = CapacityType.Spot, SpotStrategy = SpotStrategy.WithPriceLimit }] } } },
        { "layout.pools[0].autoScaling", i => i with { Layout = new LayoutSpec { Pools = [Pool() with { AutoScaling = new AutoScalingRange(3, 2) }] } } },
        { "layout.pools[0].systemDiskSize", i => i with { Layout = new LayoutSpec { Pools = [Pool() with { SystemDiskSize = 10 }] } } },
        { "layout.pools[0].taints[0]", i => i with { Layout = new LayoutSpec { Pools = [Pool() with { Taints = [new NodeTaint("k", "v", "Never")] }] } } },
        { "layout.pools[0].labels", i => i with { Layout = new LayoutSpec { Pools = [Pool() with { Labels = new Dictionary<string, string> { ["recommender.io/pool"] = "x" } }] } } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_bad_field_is_refused_by_name(string field, Func<CreateClusterInput, CreateClusterInput> spoil)
    {
        var refused = Assert.Throws<ValidationException>(() => InputRules.Check(spoil(Valid())));

        Assert.Equal(field, refused.Argument);
    }

    [Fact]
    public void A_valid_input_passes() => InputRules.Check(Valid());

    private static NodePoolSpec Pool() => new() { Name = "workers", InstanceTypes = ["ecs.g9.large"], NodeCount = 2 };

    private static CreateClusterInput Valid() => new()
    {
        SecretId = "s",
        Cluster = new ClusterSpec { Name = "demo", Region = "cn-hangzhou" },
        Layout = new LayoutSpec { Pools = [Pool()] },
    };
}
