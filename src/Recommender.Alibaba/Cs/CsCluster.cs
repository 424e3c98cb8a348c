using System.Text.Json;

namespace Recommender.Alibaba.Cs;

/// <summary>DescribeClusterDetail, and each item of DescribeClustersV1 (contract §4.2).</summary>
public sealed record CsCluster
{
    /// <summary>Being created.</summary>
    public const string Initial = "initial";
    public const string Running = "running";
    public const string Failed = "failed";
    public const string Updating = "updating";
    public const string Scaling = "scaling";
    public const string Deleting = "deleting";
    public const string Deleted = "deleted";
    public const string DeleteFailed = "delete_failed";

    public string ClusterId { get; init; } = string.Empty;

    public string? Name { get; init; }

    public string? RegionId { get; init; }

    public string? ZoneId { get; init; }

    /// <summary>One of the constants above (or another documented state: updating_failed, waiting, disconnected, stopped).</summary>
    public string? State { get; init; }

    public string? ClusterType { get; init; }

    public string? ClusterSpec { get; init; }

    public string? Profile { get; init; }

    public string? CurrentVersion { get; init; }

    public string? InitVersion { get; init; }

    public string? VpcId { get; init; }

    public IReadOnlyList<string>? VswitchIds { get; init; }

    public string? SecurityGroupId { get; init; }

    public string? ContainerCidr { get; init; }

    public string? ServiceCidr { get; init; }

    public string? ProxyMode { get; init; }

    /// <summary>Node count.</summary>
    public int? Size { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public bool? DeletionProtection { get; init; }

    public string? ResourceGroupId { get; init; }

    /// <summary>A JSON document in a string: <c>api_server_endpoint</c>, <c>intranet_api_server_endpoint</c>.</summary>
    public string? MasterUrl { get; init; }

    public string? MetaData { get; init; }

    public IReadOnlyList<CsTag>? Tags { get; init; }

    public string? Timezone { get; init; }

    public string? WorkerRamRoleName { get; init; }

    /// <summary>The public API server endpoint from <see cref="MasterUrl"/>, or null when absent or unreadable.</summary>
    public string? ApiServerEndpoint()
    {
        if (string.IsNullOrEmpty(MasterUrl))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(MasterUrl);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("api_server_endpoint", out var endpoint) && endpoint.ValueKind == JsonValueKind.String
                ? endpoint.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
