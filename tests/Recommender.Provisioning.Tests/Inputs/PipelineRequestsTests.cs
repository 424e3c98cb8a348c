using Recommender.Core.Errors;
using Recommender.Provisioning.Inputs;

namespace Recommender.Provisioning.Tests.Inputs;

/// <summary>Pipeline's create-cluster body mapped onto the input, and its bad forms refused by field.</summary>
public sealed class PipelineRequestsTests
{
    [Fact]
    public void Without_a_master_type_the_cluster_is_managed_with_every_pool_on_demand_in_the_zone()
    {
        var input = PipelineRequests.ToInput(Body());

        Assert.Equal(ClusterKind.Managed, input.Cluster.Kind);
        Assert.Null(input.Cluster.MasterInstanceType);
        Assert.Null(input.Cluster.Network);
        Assert.Equal(("eu-central-1", "secret-1", "demo"), (input.Cluster.Region, input.SecretId, input.Cluster.Name));
        var pool = Assert.Single(input.Layout.Pools);
        Assert.Equal(("pool1", 2, "ecs.g9.large", "cloud_efficiency", "centos_7"), (pool.Name, pool.NodeCount, pool.InstanceTypes[0], pool.SystemDiskCategory, pool.ImageId));
        Assert.Equal(["eu-central-1a"], pool.Zones);
    }

    [Fact]
    public void A_master_type_makes_a_dedicated_cluster_and_autoscaling_a_range()
    {
        var body = Body();
        var acsk = body.Properties!.Acsk! with
        {
            MasterInstanceType = "ecs.c9.large",
            MasterSystemDiskCategory = "cloud_essd",
            NodePools = new Dictionary<string, PipelineNodePool>
            {
                ["pool1"] = new() { InstanceType = "ecs.g9.large", Autoscaling = true, MinCount = 1, MaxCount = 5 },
            },
        };

        var input = PipelineRequests.ToInput(body with { Properties = new PipelineClusterProperties { Acsk = acsk } });

        Assert.Equal((ClusterKind.Dedicated, "ecs.c9.large", "cloud_essd"), (input.Cluster.Kind, input.Cluster.MasterInstanceType, input.Cluster.MasterSystemDiskCategory));
        Assert.Equal((1, new AutoScalingRange(1, 5)), (input.Layout.Pools[0].NodeCount, input.Layout.Pools[0].AutoScaling));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("secretId")]
    [InlineData("properties.acsk")]
    [InlineData("properties.acsk.zoneId")]
    [InlineData("properties.acsk.nodePools")]
    [InlineData("properties.acsk.nodePools.pool1.instanceType")]
    [InlineData("properties.acsk.nodePools.pool1.count")]
    public void A_missing_field_is_named(string field)
    {
        var body = Body();
        var acsk = body.Properties!.Acsk!;
        var pool = acsk.NodePools!["pool1"];
        body = field switch
        {
            "name" => body with { Name = " " },
            "secretId" => body with { SecretId = null },
            "properties.acsk" => body with { Properties = new PipelineClusterProperties() },
            "properties.acsk.zoneId" => With(body, acsk with { ZoneId = null }),
            "properties.acsk.nodePools" => With(body, acsk with { NodePools = new Dictionary<string, PipelineNodePool>() }),
            "properties.acsk.nodePools.pool1.instanceType" => With(body, acsk with { NodePools = new Dictionary<string, PipelineNodePool> { ["pool1"] = pool with { InstanceType = null } } }),
            _ => With(body, acsk with { NodePools = new Dictionary<string, PipelineNodePool> { ["pool1"] = pool with { Count = null } } }),
        };

        var refused = Assert.Throws<ValidationException>(() => PipelineRequests.ToInput(body));

        Assert.Equal(field, refused.Argument);
    }

    [Fact]
    public void A_bad_pool_name_is_refused_by_the_shared_rules()
    {
        var body = Body();
        var acsk = body.Properties!.Acsk! with
        {
            NodePools = new Dictionary<string, PipelineNodePool> { [new string('p', 70)] = new() { Count = 1, InstanceType = "ecs.g9.large" } },
        };

        var refused = Assert.Throws<ValidationException>(() => PipelineRequests.ToInput(With(body, acsk)));

        Assert.Equal("layout.pools[0].name", refused.Argument);
    }

    private static PipelineCreateClusterRequest With(PipelineCreateClusterRequest body, PipelineAcskProperties acsk) =>
        body with { Properties = new PipelineClusterProperties { Acsk = acsk } };

    private static PipelineCreateClusterRequest Body() => new()
    {
        Name = "demo",
        Location = "eu-central-1",
        SecretId = "secret-1",
        Properties = new PipelineClusterProperties
        {
            Acsk = new PipelineAcskProperties
            {
                RegionId = "eu-central-1",
                ZoneId = "eu-central-1a",
                NodePools = new Dictionary<string, PipelineNodePool>
                {
                    ["pool1"] = new() { Count = 2, Image = "centos_7", InstanceType = "ecs.g9.large", SystemDiskCategory = "cloud_efficiency" },
                },
            },
        },
    };
}
