using System.Globalization;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;
using Recommender.Provisioning.Inputs;

namespace Recommender.Api.GraphQL.Provisioning;

/// <summary>
/// Turns the provisioning input objects (as GraphQL.NET parsed them: dictionaries, lists, enums) into the
/// provisioning records. Shapes are already checked by the schema; the rules (names, counts, zones…) are checked by
/// the provisioning service, which names fields relative to the input, so <c>input.</c> is prefixed when they fail.
/// </summary>
public static class ProvisioningArguments
{
    public static ClusterSpec Cluster(IDictionary<string, object?> input, IReadOnlyList<string> defaultZones)
    {
        ArgumentNullException.ThrowIfNull(input);
        var vpc = Text(input, "vpcId");
        var vswitches = Strings(input, "vswitchIds");
        if ((vpc is null) != (vswitches.Count == 0))
        {
            throw new ValidationException(vpc is null ? "input.cluster.vpcId" : "input.cluster.vswitchIds", "vpcId and vswitchIds go together (omit both to let ACK create the network).");
        }

        var zones = Strings(input, "zones");
        return new ClusterSpec
        {
            Name = Text(input, "name") ?? string.Empty,
            Region = Text(input, "region") ?? string.Empty,
            Zones = zones.Count > 0 ? zones : defaultZones,
            KubernetesVersion = Text(input, "kubernetesVersion"),
            Kind = input.TryGetValue("kind", out var kind) && kind is ClusterKind k ? k : ClusterKind.Managed,
            ClusterSpecName = Text(input, "clusterSpec"),
            MasterInstanceType = Text(input, "masterInstanceType"),
            MasterSystemDiskCategory = Text(input, "masterSystemDiskCategory"),
            Network = vpc is null ? null : new ClusterNetwork { VpcId = vpc, VswitchIds = vswitches },
            SystemDiskCategory = Text(input, "systemDiskCategory"),
            ImageId = Text(input, "imageId"),
            Tags = Pairs(input, "tags", "input.cluster.tags"),
        };
    }

    public static LayoutSpec Layout(IDictionary<string, object?> input, string at)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pools = input.TryGetValue("pools", out var value) && value is IEnumerable<object?> items
            ? items.OfType<IDictionary<string, object?>>().Select((p, i) => Pool(p, $"{at}.pools[{i}]")).ToList()
            : [];
        return new LayoutSpec { Pools = pools };
    }

    /// <summary>
    /// The pools of a recommended layout: one pool per instance type and capacity type, named after both (ACK pool
    /// names allow letters, digits, '-' and '_'), with the price it was quoted, in <paramref name="zones"/>.
    /// </summary>
    public static LayoutSpec FromRecommendation(Layout layout, IReadOnlyList<string> zones)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new LayoutSpec
        {
            Pools = [.. layout.Pools.Select(p => new NodePoolSpec
            {
                Name = PoolName(p),
                InstanceTypes = [p.InstanceType],
                NodeCount = p.NodeCount,
                CapacityType = p.CapacityType,
                Zones = zones,
                QuotedUnitPrice = p.UnitPrice,
            })],
        };
    }

    /// <summary>e.g. <c>ecs.g7.xlarge</c> on demand: <c>g7-xlarge-on-demand</c>.</summary>
    public static string PoolName(LayoutPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var type = pool.InstanceType.StartsWith("ecs.", StringComparison.Ordinal) ? pool.InstanceType[4..] : pool.InstanceType;
        var name = new string([.. type.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
        return $"{name}-{(pool.CapacityType == CapacityType.Spot ? "spot" : "on-demand")}";
    }

    private static NodePoolSpec Pool(IDictionary<string, object?> pool, string at)
    {
        var min = Int(pool, "autoScalingMin");
        var max = Int(pool, "autoScalingMax");
        if ((min is null) != (max is null))
        {
            throw new ValidationException($"{at}.{(min is null ? "autoScalingMin" : "autoScalingMax")}", "autoScalingMin and autoScalingMax go together.");
        }

        return new NodePoolSpec
        {
            Name = Text(pool, "name") ?? string.Empty,
            InstanceTypes = Strings(pool, "instanceTypes"),
            NodeCount = Int(pool, "nodeCount") ?? 0,
            CapacityType = pool.TryGetValue("capacityType", out var capacity) && capacity is CapacityType c ? c : CapacityType.OnDemand,
            SpotStrategy = pool.TryGetValue("spotStrategy", out var strategy) && strategy is SpotStrategy s ? s : null,
            SpotPriceLimit = Decimal(pool, "spotPriceLimit"),
            Zones = Strings(pool, "zones"),
            VswitchIds = Strings(pool, "vswitchIds"),
            SystemDiskCategory = Text(pool, "systemDiskCategory"),
            SystemDiskSize = Int(pool, "systemDiskSize"),
            ImageId = Text(pool, "imageId"),
            AutoScaling = min is { } low && max is { } high ? new AutoScalingRange(low, high) : null,
            Labels = Pairs(pool, "labels", $"{at}.labels"),
            Taints = pool.TryGetValue("taints", out var taints) && taints is IEnumerable<object?> list
                ? [.. list.OfType<IDictionary<string, object?>>().Select(t => new NodeTaint(Text(t, "key") ?? string.Empty, Text(t, "value") ?? string.Empty, Text(t, "effect") ?? string.Empty))]
                : [],
            QuotedUnitPrice = Decimal(pool, "quotedUnitPrice"),
        };
    }

    private static Dictionary<string, string> Pairs(IDictionary<string, object?> input, string name, string at)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.TryGetValue(name, out var value) && value is IEnumerable<object?> items)
        {
            foreach (var item in items.OfType<IDictionary<string, object?>>())
            {
                var key = Text(item, "key") ?? string.Empty;
                if (!pairs.TryAdd(key, Text(item, "value") ?? string.Empty))
                {
                    throw new ValidationException(at, $"names the key '{key}' twice.");
                }
            }
        }

        return pairs;
    }

    private static string? Text(IDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is string text ? text : null;

    private static List<string> Strings(IDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is IEnumerable<object?> items ? [.. items.OfType<string>()] : [];

    private static int? Int(IDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is not null ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    private static decimal? Decimal(IDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is not null ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : null;
}
