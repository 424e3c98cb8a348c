using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.Cs;

/// <summary>
/// The CS (ACK) APIs (ROA, version 2015-12-15, contract §4) over <see cref="OpenApiClient"/>, which signs with V3, retries
/// and maps errors to <see cref="CloudApiException"/> (classify with <see cref="AlibabaErrorCodes"/>). Every call is made
/// with an organisation's credentials, named by a <see cref="CredentialReference"/>; <c>region</c> picks the regional
/// endpoint. Polling tasks and states is the caller's business: this class sends one request per call, except for the
/// paged lists, which it reads to the end.
/// </summary>
public sealed class CsClient(OpenApiClient client)
{
    public const string Product = "Cs";
    public const string Version = "2015-12-15";

    /// <summary>Largest page of DescribeClustersV1 and DescribeClusterNodes.</summary>
    public const int PageSize = 100;

    /// <summary>A stop for lists that never end (a server that ignores the page number).</summary>
    private const int MaxPages = 1000;

    /// <summary>
    /// Starts creating a cluster; poll the returned task and then the cluster's state. Not retried after a failure that
    /// may have created it (timeout, lost connection, server error): look it up (<see cref="FindClustersByNameAsync"/>) first.
    /// </summary>
    public Task<CsOperationResponse> CreateClusterAsync(string region, CreateClusterRequest request, CredentialReference account, CancellationToken ct) =>
        SendAsync("CreateCluster", region, HttpMethod.Post, "/clusters", [], Body(request, CsJsonContext.Default.CreateClusterRequest), CsJsonContext.Default.CsOperationResponse, account, ct, idempotent: false);

    public Task<CsCluster> DescribeClusterDetailAsync(string region, string clusterId, CredentialReference account, CancellationToken ct) =>
        SendAsync("DescribeClusterDetail", region, HttpMethod.Get, $"/clusters/{Segment(clusterId)}", [], null, CsJsonContext.Default.CsCluster, account, ct);

    /// <summary>
    /// The clusters of <paramref name="region"/> whose name is exactly <paramref name="name"/>, all pages read. The API's
    /// <c>name</c> filter may match more loosely, so the names are compared here. Used to adopt a cluster whose create
    /// timed out before its id came back.
    /// </summary>
    public async Task<IReadOnlyList<CsCluster>> FindClustersByNameAsync(string region, string name, CredentialReference account, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var all = await DescribeClustersAsync(region, name, null, account, ct).ConfigureAwait(false);
        return [.. all.Where(c => string.Equals(c.Name, name, StringComparison.Ordinal))];
    }

    /// <summary>DescribeClustersV1, every page, optionally filtered by name and cluster type.</summary>
    public async Task<IReadOnlyList<CsCluster>> DescribeClustersAsync(
        string region, string? name, string? clusterType, CredentialReference account, CancellationToken ct)
    {
        var clusters = new List<CsCluster>();
        for (var page = 1; page <= MaxPages; page++)
        {
            List<KeyValuePair<string, string>> query =
                [new("region_id", region), new("page_size", Number(PageSize)), new("page_number", Number(page))];
            AddIfSet(query, "name", name);
            AddIfSet(query, "cluster_type", clusterType);
            var answer = await SendAsync("DescribeClustersV1", region, HttpMethod.Get, "/api/v1/clusters", query, null, CsJsonContext.Default.DescribeClustersResponse, account, ct)
                .ConfigureAwait(false);
            var items = answer.Clusters ?? [];
            clusters.AddRange(items);
            if (items.Count == 0 || answer.PageInfo is not { } info || clusters.Count >= info.TotalCount)
            {
                return clusters;
            }
        }

        throw PagedTooLong("DescribeClustersV1", region);
    }

    /// <summary>
    /// Starts deleting a cluster, with the resources ACK created for it unless <paramref name="retainAllResources"/>; older
    /// API versions answer 202, any 2xx is success.
    /// </summary>
    public Task<CsOperationResponse> DeleteClusterAsync(string region, string clusterId, bool retainAllResources, CredentialReference account, CancellationToken ct)
    {
        List<KeyValuePair<string, string>> query = retainAllResources ? [new("retain_all_resources", "true")] : [];
        return SendAsync("DeleteCluster", region, HttpMethod.Delete, $"/clusters/{Segment(clusterId)}", query, null, CsJsonContext.Default.CsOperationResponse, account, ct);
    }

    /// <summary>
    /// Starts creating a node pool (<see cref="NodePool"/> with <c>nodepool_info.name</c> and a scaling group). Like
    /// <see cref="CreateClusterAsync"/>, not retried after a failure that may have created it: look for the name first.
    /// </summary>
    public Task<CsOperationResponse> CreateNodePoolAsync(string region, string clusterId, NodePool pool, CredentialReference account, CancellationToken ct) =>
        SendAsync(
            "CreateClusterNodePool", region, HttpMethod.Post, $"/clusters/{Segment(clusterId)}/nodepools", [], Body(pool, CsJsonContext.Default.NodePool),
            CsJsonContext.Default.CsOperationResponse, account, ct, idempotent: false);

    public async Task<IReadOnlyList<NodePool>> DescribeNodePoolsAsync(string region, string clusterId, CredentialReference account, CancellationToken ct)
    {
        var answer = await SendAsync(
            "DescribeClusterNodePools", region, HttpMethod.Get, $"/clusters/{Segment(clusterId)}/nodepools", [], null,
            CsJsonContext.Default.DescribeNodePoolsResponse, account, ct).ConfigureAwait(false);
        return answer.Nodepools ?? [];
    }

    public Task<NodePool> DescribeNodePoolDetailAsync(string region, string clusterId, string nodePoolId, CredentialReference account, CancellationToken ct) =>
        SendAsync("DescribeClusterNodePoolDetail", region, HttpMethod.Get, PoolPath(clusterId, nodePoolId), [], null, CsJsonContext.Default.NodePool, account, ct);

    /// <summary>Changes a node pool: <paramref name="change"/> carries only what changes (null parts are not sent).</summary>
    public Task<CsOperationResponse> ModifyNodePoolAsync(string region, string clusterId, string nodePoolId, NodePool change, CredentialReference account, CancellationToken ct) =>
        SendAsync(
            "ModifyClusterNodePool", region, HttpMethod.Put, PoolPath(clusterId, nodePoolId), [], Body(change, CsJsonContext.Default.NodePool),
            CsJsonContext.Default.CsOperationResponse, account, ct);

    /// <summary>Sets the pool's desired size (<c>{"scaling_group":{"desired_size":N}}</c>): scales out or in.</summary>
    public Task<CsOperationResponse> SetDesiredSizeAsync(string region, string clusterId, string nodePoolId, int desiredSize, CredentialReference account, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(desiredSize);
        return ModifyNodePoolAsync(region, clusterId, nodePoolId, new NodePool { ScalingGroup = new NodePoolScalingGroup { DesiredSize = desiredSize } }, account, ct);
    }

    /// <summary>ScaleClusterNodePool: adds <paramref name="count"/> nodes (1–500).</summary>
    public Task<CsOperationResponse> AddNodesAsync(string region, string clusterId, string nodePoolId, int count, CredentialReference account, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 500);
        return SendAsync(
            "ScaleClusterNodePool", region, HttpMethod.Post, PoolPath(clusterId, nodePoolId), [], Body(new ScaleNodePoolRequest(count), CsJsonContext.Default.ScaleNodePoolRequest),
            CsJsonContext.Default.CsOperationResponse, account, ct);
    }

    /// <summary>Starts deleting a node pool with its nodes (<c>force=true</c>, as Terraform does).</summary>
    public Task<CsOperationResponse> DeleteNodePoolAsync(string region, string clusterId, string nodePoolId, CredentialReference account, CancellationToken ct) =>
        SendAsync("DeleteClusterNodepool", region, HttpMethod.Delete, PoolPath(clusterId, nodePoolId), [new("force", "true")], null, CsJsonContext.Default.CsOperationResponse, account, ct);

    public Task<CsTask> DescribeTaskInfoAsync(string region, string taskId, CredentialReference account, CancellationToken ct) =>
        SendAsync("DescribeTaskInfo", region, HttpMethod.Get, $"/tasks/{Segment(taskId)}", [], null, CsJsonContext.Default.CsTask, account, ct);

    /// <summary>
    /// A kubeconfig whose credentials last <paramref name="temporaryDurationMinutes"/> (15–4320 per the docs, unverified),
    /// for the public endpoint unless <paramref name="privateIpAddress"/>.
    /// </summary>
    public Task<CsKubeconfig> DescribeUserKubeconfigAsync(
        string region, string clusterId, int temporaryDurationMinutes, bool privateIpAddress, CredentialReference account, CancellationToken ct) =>
        SendAsync(
            "DescribeClusterUserKubeconfig", region, HttpMethod.Get, $"/k8s/{Segment(clusterId)}/user_config",
            [new("PrivateIpAddress", privateIpAddress ? "true" : "false"), new("TemporaryDurationMinutes", Number(temporaryDurationMinutes))],
            null, CsJsonContext.Default.CsKubeconfig, account, ct);

    /// <summary>The cluster's ECS instances (masters too), optionally of one node pool only, every page.</summary>
    public async Task<IReadOnlyList<ClusterNode>> DescribeClusterNodesAsync(
        string region, string clusterId, string? nodePoolId, CredentialReference account, CancellationToken ct)
    {
        var nodes = new List<ClusterNode>();
        for (var page = 1; page <= MaxPages; page++)
        {
            List<KeyValuePair<string, string>> query = [new("pageSize", Number(PageSize)), new("pageNumber", Number(page))];
            AddIfSet(query, "nodepool_id", nodePoolId);
            var answer = await SendAsync(
                "DescribeClusterNodes", region, HttpMethod.Get, $"/clusters/{Segment(clusterId)}/nodes", query, null,
                CsJsonContext.Default.DescribeClusterNodesResponse, account, ct).ConfigureAwait(false);
            var items = answer.Nodes ?? [];
            nodes.AddRange(items);
            if (items.Count == 0 || answer.Page is not { } info || nodes.Count >= info.TotalCount)
            {
                return nodes;
            }
        }

        throw PagedTooLong("DescribeClusterNodes", region);
    }

    private Task<T> SendAsync<T>(
        string action,
        string region,
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        byte[]? body,
        JsonTypeInfo<T> responseType,
        CredentialReference account,
        CancellationToken ct,
        bool idempotent = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(account);
        return client.CallAsync(new RoaCall(Product, Version, action, region, method, path, query, body, idempotent), responseType, null, ct, account);
    }

    private static byte[] Body<T>(T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToUtf8Bytes(value, type);
    }

    private static string PoolPath(string clusterId, string nodePoolId) => $"/clusters/{Segment(clusterId)}/nodepools/{Segment(nodePoolId)}";

    /// <summary>Ids become path segments: an empty one or one with a slash would address another resource.</summary>
    private static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return id.Contains('/', StringComparison.Ordinal) ? throw new ArgumentException($"'{id}' is not a CS id.", nameof(id)) : id;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AddIfSet(List<KeyValuePair<string, string>> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(new(name, value));
        }
    }

    private static CloudApiException PagedTooLong(string action, string region) =>
        new(AlibabaErrorCodes.ClientPageTokenLoop, $"{action} in {region} still had more after {MaxPages} pages of {PageSize}.", isTransient: true);
}
