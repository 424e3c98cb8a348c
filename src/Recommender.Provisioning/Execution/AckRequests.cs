using System.Globalization;
using Recommender.Alibaba.Cs;
using Recommender.Core.Recommendations;
using Recommender.Provisioning.Inputs;

namespace Recommender.Provisioning.Execution;

/// <summary>
/// The CS request bodies built from an operation's input. Every cluster and scaling group carries the operation's id as
/// a tag, which is how a create whose answer was lost is recognised as ours and adopted instead of sent again.
/// </summary>
internal static class AckRequests
{
    /// <summary>Tag (cluster and scaling group) naming the operation that created the resource.</summary>
    public const string OperationTag = "recommender.operation-id";

    /// <summary>Tag naming the organisation the resource was created for.</summary>
    public const string OrganizationTag = "recommender.organization";

    /// <summary>Node label naming the pool, i.e. the role the layout gave its nodes.</summary>
    public const string PoolLabel = "recommender.io/pool";

    public static CreateClusterRequest Cluster(CreateClusterInput input, string operationId, string organization)
    {
        var spec = input.Cluster;
        var network = spec.Network;
        var tags = (spec.Tags ?? new Dictionary<string, string>())
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new CsTag(t.Key, t.Value))
            .Append(new CsTag(OperationTag, operationId))
            .Append(new CsTag(OrganizationTag, organization))
            .ToList();
        var request = spec.Kind == ClusterKind.Dedicated && network is not null
            ? CreateClusterRequest.Dedicated(spec.Name, spec.Region, network.VpcId, network.VswitchIds, spec.MasterInstanceType!)
            : spec.Kind == ClusterKind.Dedicated
                ? new CreateClusterRequest
                {
                    Name = spec.Name,
                    RegionId = spec.Region,
                    ClusterType = CreateClusterRequest.DedicatedKubernetes,
                    Addons = [new CsAddon("flannel")],
                    MasterCount = 3,
                    MasterInstanceTypes = [spec.MasterInstanceType!, spec.MasterInstanceType!, spec.MasterInstanceType!],
                }
                : network is not null
                    ? CreateClusterRequest.Managed(spec.Name, spec.Region, network.VpcId, network.VswitchIds, spec.ClusterSpecName ?? CreateClusterRequest.ProSpec)
                    : new CreateClusterRequest
                    {
                        Name = spec.Name,
                        RegionId = spec.Region,
                        ClusterType = CreateClusterRequest.ManagedKubernetes,
                        ClusterSpec = spec.ClusterSpecName ?? CreateClusterRequest.ProSpec,
                        Addons = [new CsAddon("flannel")],
                    };
        return request with
        {
            KubernetesVersion = spec.KubernetesVersion,
            ZoneIds = spec.Zones is { Count: > 0 } zones ? zones : null,
            Tags = tags,
            MasterSystemDiskCategory = spec.Kind == ClusterKind.Dedicated ? spec.MasterSystemDiskCategory : null,
            // Without a VPC of the customer's, ACK creates one; nodes then reach the internet through a NAT gateway.
            SnatEntry = network is null ? true : null,
        };
    }

    public static NodePool Pool(NodePoolSpec pool, IReadOnlyList<string> vswitchIds, ClusterSpec? cluster, string operationId)
    {
        var spot = pool.CapacityType == CapacityType.Spot;
        var strategy = !spot ? NodePoolScalingGroup.NoSpot
            : pool.SpotStrategy == SpotStrategy.WithPriceLimit || (pool.SpotStrategy is null && pool.SpotPriceLimit is not null)
                ? NodePoolScalingGroup.SpotWithPriceLimit
                : NodePoolScalingGroup.SpotAsPriceGo;
        var labels = (pool.Labels ?? new Dictionary<string, string>())
            .OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => new CsTag(l.Key, l.Value))
            .Append(new CsTag(PoolLabel, pool.Name))
            .ToList();
        return new NodePool
        {
            NodepoolInfo = new NodePoolInfo { Name = pool.Name },
            ScalingGroup = new NodePoolScalingGroup
            {
                VswitchIds = vswitchIds,
                InstanceTypes = pool.InstanceTypes,
                DesiredSize = pool.AutoScaling is null ? pool.NodeCount : null,
                InstanceChargeType = "PostPaid",
                SpotStrategy = strategy,
                SpotPriceLimit = strategy == NodePoolScalingGroup.SpotWithPriceLimit && pool.SpotPriceLimit is { } limit
                    ? [.. pool.InstanceTypes.Select(t => new SpotPriceLimit(t, limit.ToString(CultureInfo.InvariantCulture)))]
                    : null,
                SystemDiskCategory = pool.SystemDiskCategory ?? cluster?.SystemDiskCategory,
                SystemDiskSize = pool.SystemDiskSize,
                ImageId = pool.ImageId ?? cluster?.ImageId,
                MultiAzPolicy = vswitchIds.Count > 1 ? "BALANCE" : null,
                Tags = [new CsTag(OperationTag, operationId)],
            },
            KubernetesConfig = new NodePoolKubernetesConfig
            {
                Labels = labels,
                Taints = pool.Taints is { Count: > 0 } taints ? [.. taints.Select(t => new CsTaint(t.Key, t.Value, t.Effect))] : null,
                Runtime = "containerd",
            },
            AutoScaling = pool.AutoScaling is { } range
                ? new NodePoolAutoScaling { Enable = true, MinInstances = range.Min, MaxInstances = range.Max }
                : null,
        };
    }

    /// <summary>True when <paramref name="cluster"/> was created by operation <paramref name="operationId"/>.</summary>
    public static bool IsCreatedBy(CsCluster cluster, string operationId) =>
        cluster.Tags?.Any(t => t.Key == OperationTag && t.Value == operationId) == true;
}
