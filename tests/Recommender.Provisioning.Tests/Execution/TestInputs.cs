using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Provisioning.Inputs;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>Inputs built from the test catalog: types that have stock (and a spot price) in the zone used.</summary>
public static class TestInputs
{
    public const string Zone = ProvisioningEnvironment.Region + "-a";

    /// <summary>Instance types of <paramref name="region"/> sold with stock and as spot in <see cref="Zone"/>, in catalog order.</summary>
    public static IReadOnlyList<InstanceOffering> Buyable(RegionCatalog region) =>
        [.. region.InstanceTypes.Where(o => o.HasStockIn(Zone) && o.SpotPriceIn(Zone) is not null)];

    /// <summary>Three pools (system on-demand, workers on-demand, batch spot with a price limit), quoted at today's prices.</summary>
    public static LayoutSpec ThreePools(RegionCatalog region, int workers = 2)
    {
        var types = Buyable(region);
        return new LayoutSpec
        {
            Pools =
            [
                Pool("system", types[0], CapacityType.OnDemand, 1),
                Pool("workers", types[1], CapacityType.OnDemand, workers) with { Labels = new Dictionary<string, string> { ["team"] = "web" } },
                Pool("batch", types[2], CapacityType.Spot, 2) with
                {
                    SpotStrategy = SpotStrategy.WithPriceLimit,
                    SpotPriceLimit = types[2].OnDemandPrice,
                    Taints = [new NodeTaint("batch", "true", "NoSchedule")],
                },
            ],
        };
    }

    public static NodePoolSpec Pool(string name, InstanceOffering type, CapacityType capacity, int count) => new()
    {
        Name = name,
        InstanceTypes = [type.Name],
        NodeCount = count,
        CapacityType = capacity,
        Zones = [Zone],
        QuotedUnitPrice = capacity == CapacityType.OnDemand ? type.OnDemandPrice : type.SpotPriceIn(Zone),
    };

    public static CreateClusterInput Create(string secretId, string name, RegionCatalog region, ClusterKind kind = ClusterKind.Managed, LayoutSpec? layout = null) => new()
    {
        SecretId = secretId,
        Cluster = new ClusterSpec
        {
            Name = name,
            Region = ProvisioningEnvironment.Region,
            Zones = [Zone],
            Kind = kind,
            MasterInstanceType = kind == ClusterKind.Dedicated ? Buyable(region)[0].Name : null,
            MasterSystemDiskCategory = kind == ClusterKind.Dedicated ? "cloud_essd" : null,
            Network = new ClusterNetwork { VpcId = "vpc-test", VswitchIds = ["vsw-a", "vsw-b"] },
            SystemDiskCategory = "cloud_essd",
            Tags = new Dictionary<string, string> { ["env"] = "test" },
        },
        Layout = layout ?? ThreePools(region),
    };

    public static string NewName(string prefix = "c") => $"{prefix}-{Guid.NewGuid():N}"[..30];
}
