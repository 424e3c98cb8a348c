using Recommender.Alibaba.Cs;

namespace Recommender.Alibaba.Tests;

/// <summary>Request builders for CS tests.</summary>
public static class CsRequests
{
    public const string VpcId = "vpc-acme0001";

    public static CreateClusterRequest Managed(string name) =>
        CreateClusterRequest.Managed(name, CsTestEnvironment.Region, VpcId, ["vsw-acme-a", "vsw-acme-b"]);

    /// <summary>An on-demand pool of <paramref name="types"/> with <paramref name="desired"/> nodes.</summary>
    public static NodePool Pool(string name, int desired, params string[] types) => new()
    {
        NodepoolInfo = new NodePoolInfo { Name = name },
        ScalingGroup = new NodePoolScalingGroup
        {
            VswitchIds = ["vsw-acme-a", "vsw-acme-b"],
            InstanceTypes = types,
            DesiredSize = desired,
            InstanceChargeType = "PostPaid",
            SpotStrategy = NodePoolScalingGroup.NoSpot,
            SystemDiskCategory = "cloud_essd",
            SystemDiskSize = 120,
        },
    };
}
