namespace Recommender.Emulators.Alibaba;

/// <summary>
/// A CS (ROA) request routed by method and path, the way the gateway does (contract §4 table); <see cref="Action"/> is
/// the API name (<c>x-acs-action</c>), the ids come from the path.
/// </summary>
public sealed record CsRoute(string Action, string? ClusterId = null, string? NodePoolId = null, string? TaskId = null)
{
    public static readonly string[] Actions =
    [
        "CreateCluster", "DescribeClusterDetail", "DescribeClustersV1", "DeleteCluster", "CreateClusterNodePool", "DescribeClusterNodePools",
        "DescribeClusterNodePoolDetail", "ScaleClusterNodePool", "ModifyClusterNodePool", "DeleteClusterNodepool", "DescribeClusterNodes",
        "DescribeTaskInfo", "DescribeClusterUserKubeconfig",
    ];

    /// <summary>The route of <paramref name="method"/> <paramref name="path"/> (decoded), or null when CS has no such API.</summary>
    public static CsRoute? Match(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var s = path.Trim('/').Split('/');
        var m = method.ToUpperInvariant();
        return (m, s) switch
        {
            ("POST", ["clusters"]) => new("CreateCluster"),
            ("GET", ["api", "v1", "clusters"]) => new("DescribeClustersV1"),
            ("GET", ["clusters", var c]) => new("DescribeClusterDetail", c),
            ("DELETE", ["clusters", var c]) => new("DeleteCluster", c),
            ("POST", ["clusters", var c, "nodepools"]) => new("CreateClusterNodePool", c),
            ("GET", ["clusters", var c, "nodepools"]) => new("DescribeClusterNodePools", c),
            ("GET", ["clusters", var c, "nodepools", var p]) => new("DescribeClusterNodePoolDetail", c, p),
            ("POST", ["clusters", var c, "nodepools", var p]) => new("ScaleClusterNodePool", c, p),
            ("PUT", ["clusters", var c, "nodepools", var p]) => new("ModifyClusterNodePool", c, p),
            ("DELETE", ["clusters", var c, "nodepools", var p]) => new("DeleteClusterNodepool", c, p),
            ("GET", ["clusters", var c, "nodes"]) => new("DescribeClusterNodes", c),
            ("GET", ["tasks", var t]) => new("DescribeTaskInfo", TaskId: t),
            ("GET", ["k8s", var c, "user_config"]) => new("DescribeClusterUserKubeconfig", c),
            _ => null,
        };
    }
}
