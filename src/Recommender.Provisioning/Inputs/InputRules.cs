using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Provisioning.Inputs;

/// <summary>
/// What every input must satisfy before an operation is stored: each rule fails with a <see cref="ValidationException"/>
/// naming the field, so bad input is refused before any cloud call and never reaches a step.
/// </summary>
public static class InputRules
{
    /// <summary>Tag and label keys the service sets itself; callers may not.</summary>
    public const string ReservedPrefix = "recommender.";

    /// <summary>Most node pools per cluster we create (ACK's default quota is far higher; this bounds one operation's steps).</summary>
    public const int MaxPools = 20;

    /// <summary>Most nodes per pool (the emulator's and ACK's default scaling group limit).</summary>
    public const int MaxNodesPerPool = 1000;

    private static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    public static void Check(CreateClusterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireText(input.SecretId, "secretId");
        var cluster = input.Cluster ?? throw new ValidationException("cluster", "is required.");
        RequireText(cluster.Name, "cluster.name");
        if (cluster.Name.Length > 63 || cluster.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ValidationException("cluster.name", "must be 1–63 letters, digits, '-' or '_'.");
        }

        RequireText(cluster.Region, "cluster.region");
        RequireNoBlank(cluster.Zones, "cluster.zones");
        if (cluster.Kind == ClusterKind.Dedicated)
        {
            RequireText(cluster.MasterInstanceType, "cluster.masterInstanceType");
        }
        else if (cluster.MasterInstanceType is not null || cluster.MasterSystemDiskCategory is not null)
        {
            throw new ValidationException("cluster.masterInstanceType", "is for dedicated clusters only; a managed cluster has no masters of its own.");
        }

        if (cluster.ClusterSpecName is { } spec && spec is not ("ack.pro.small" or "ack.standard"))
        {
            throw new ValidationException("cluster.clusterSpecName", "must be ack.pro.small or ack.standard.");
        }

        if (cluster.Network is { } network)
        {
            RequireText(network.VpcId, "cluster.network.vpcId");
            if (network.VswitchIds is not { Count: > 0 })
            {
                throw new ValidationException("cluster.network.vswitchIds", "must name at least one vSwitch.");
            }

            RequireNoBlank(network.VswitchIds, "cluster.network.vswitchIds");
        }

        foreach (var key in (cluster.Tags ?? new Dictionary<string, string>()).Keys)
        {
            RequireUserKey(key, "cluster.tags");
        }

        Check(input.Layout, "layout");
    }

    public static void Check(LayoutSpec? layout, string field)
    {
        if (layout?.Pools is not { Count: > 0 } pools)
        {
            throw new ValidationException($"{field}.pools", "must name at least one node pool.");
        }

        if (pools.Count > MaxPools)
        {
            throw new ValidationException($"{field}.pools", $"at most {MaxPools} node pools.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pools.Count; i++)
        {
            var at = $"{field}.pools[{i}]";
            var pool = pools[i] ?? throw new ValidationException(at, "is required.");
            RequireText(pool.Name, $"{at}.name");
            if (pool.Name.Length > 63 || !names.Add(pool.Name))
            {
                throw new ValidationException($"{at}.name", "must be at most 63 characters and unique in the layout.");
            }

            Check(pool, at);
        }
    }

    private static void Check(NodePoolSpec pool, string at)
    {
        if (pool.InstanceTypes is not { Count: >= 1 and <= 10 })
        {
            throw new ValidationException($"{at}.instanceTypes", "must name 1 to 10 instance types.");
        }

        RequireNoBlank(pool.InstanceTypes, $"{at}.instanceTypes");
        if (pool.NodeCount is < 0 or > MaxNodesPerPool)
        {
            throw new ValidationException($"{at}.nodeCount", $"must be between 0 and {MaxNodesPerPool}.");
        }

        if (pool.CapacityType == CapacityType.OnDemand && (pool.SpotStrategy is not null || pool.SpotPriceLimit is not null))
        {
            throw new ValidationException($"{at}.spotStrategy", "is for spot pools only.");
        }

        if (pool.SpotStrategy == SpotStrategy.WithPriceLimit && pool.SpotPriceLimit is null)
        {
            throw new ValidationException($"{at}.spotPriceLimit", "is required with the WithPriceLimit strategy.");
        }

        if (pool.SpotPriceLimit is <= 0)
        {
            throw new ValidationException($"{at}.spotPriceLimit", "must be positive.");
        }

        if (pool.SystemDiskSize is < 20 or > 2048)
        {
            throw new ValidationException($"{at}.systemDiskSize", "must be between 20 and 2048 GiB.");
        }

        if (pool.AutoScaling is { } range && (range.Min < 0 || range.Max < range.Min || range.Max > MaxNodesPerPool || pool.NodeCount < range.Min || pool.NodeCount > range.Max))
        {
            throw new ValidationException($"{at}.autoScaling", $"needs 0 ≤ min ≤ nodeCount ≤ max ≤ {MaxNodesPerPool}.");
        }

        if (pool.QuotedUnitPrice is < 0)
        {
            throw new ValidationException($"{at}.quotedUnitPrice", "must not be negative.");
        }

        RequireNoBlank(pool.Zones, $"{at}.zones");
        RequireNoBlank(pool.VswitchIds, $"{at}.vswitchIds");
        foreach (var key in (pool.Labels ?? new Dictionary<string, string>()).Keys)
        {
            RequireUserKey(key, $"{at}.labels");
        }

        var taints = pool.Taints ?? [];
        for (var t = 0; t < taints.Count; t++)
        {
            if (taints[t] is not { } taint || string.IsNullOrWhiteSpace(taint.Key) || !TaintEffects.Contains(taint.Effect, StringComparer.Ordinal))
            {
                throw new ValidationException($"{at}.taints[{t}]", "needs a key and an effect of NoSchedule, PreferNoSchedule or NoExecute.");
            }
        }
    }

    private static void RequireText(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ValidationException(field, "is required.");
        }
    }

    private static void RequireNoBlank(IReadOnlyList<string>? values, string field)
    {
        if (values is not null && values.Any(string.IsNullOrWhiteSpace))
        {
            throw new ValidationException(field, "must not contain blank entries.");
        }
    }

    private static void RequireUserKey(string key, string field)
    {
        if (string.IsNullOrWhiteSpace(key) || key.StartsWith(ReservedPrefix, StringComparison.Ordinal) || key.StartsWith("recommender.io/", StringComparison.Ordinal))
        {
            throw new ValidationException(field, $"keys must not be blank nor start with '{ReservedPrefix}' (reserved for the service).");
        }
    }
}
