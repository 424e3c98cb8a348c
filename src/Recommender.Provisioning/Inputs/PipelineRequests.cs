using Recommender.Core.Errors;

namespace Recommender.Provisioning.Inputs;

/// <summary>Maps Pipeline's create-cluster body onto <see cref="CreateClusterInput"/>; what it lacks is a <see cref="ValidationException"/> naming the field.</summary>
public static class PipelineRequests
{
    /// <summary>
    /// The same cluster as a <see cref="CreateClusterInput"/>: dedicated with three masters when
    /// <c>properties.acsk.masterInstanceType</c> is set, else managed; ACK creates the network (Pipeline's body names
    /// none); every pool is on-demand in <c>zoneId</c>. Throws <see cref="ValidationException"/> naming the first missing
    /// or wrong field (e.g. <c>properties.acsk.nodePools.pool1.instanceType</c>); the full input is checked again when
    /// an operation is started.
    /// </summary>
    public static CreateClusterInput ToInput(PipelineCreateClusterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = Required(request.Name, "name");
        var secretId = Required(request.SecretId, "secretId");
        var acsk = request.Properties?.Acsk ?? throw new ValidationException("properties.acsk", "is required (only ACK clusters are supported).");
        var region = acsk.RegionId is { Length: > 0 } regionId ? regionId : Required(request.Location, "properties.acsk.regionId");
        var zone = Required(acsk.ZoneId, "properties.acsk.zoneId");
        if (acsk.NodePools is not { Count: > 0 } nodePools)
        {
            throw new ValidationException("properties.acsk.nodePools", "must name at least one node pool.");
        }

        var pools = new List<NodePoolSpec>();
        foreach (var (poolName, pool) in nodePools.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var at = $"properties.acsk.nodePools.{poolName}";
            if (pool is null)
            {
                throw new ValidationException(at, "must be an object.");
            }

            var autoscaling = pool.Autoscaling == true;
            pools.Add(new NodePoolSpec
            {
                Name = poolName,
                InstanceTypes = [Required(pool.InstanceType, $"{at}.instanceType")],
                NodeCount = pool.Count ?? (autoscaling ? pool.MinCount ?? 0 : throw new ValidationException($"{at}.count", "is required.")),
                Zones = [zone],
                ImageId = pool.Image,
                SystemDiskCategory = pool.SystemDiskCategory,
                SystemDiskSize = pool.SystemDiskSize,
                AutoScaling = autoscaling
                    ? new AutoScalingRange(
                        pool.MinCount ?? throw new ValidationException($"{at}.minCount", "is required with autoscaling."),
                        pool.MaxCount ?? throw new ValidationException($"{at}.maxCount", "is required with autoscaling."))
                    : null,
                Labels = pool.Labels ?? new Dictionary<string, string>(),
            });
        }

        var dedicated = !string.IsNullOrWhiteSpace(acsk.MasterInstanceType);
        var input = new CreateClusterInput
        {
            SecretId = secretId,
            Cluster = new ClusterSpec
            {
                Name = name,
                Region = region,
                Zones = [zone],
                Kind = dedicated ? ClusterKind.Dedicated : ClusterKind.Managed,
                MasterInstanceType = dedicated ? acsk.MasterInstanceType : null,
                MasterSystemDiskCategory = dedicated ? acsk.MasterSystemDiskCategory : null,
            },
            Layout = new LayoutSpec { Pools = pools },
        };
        InputRules.Check(input);
        return input;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(field, "is required.") : value;
}
