namespace Recommender.Alibaba.Cs;

/// <summary>
/// What the CS write APIs answer (contract §4): <c>cluster_id</c> (CreateCluster, DeleteCluster), <c>nodepool_id</c>
/// (CreateClusterNodePool), <c>request_id</c> and the <c>task_id</c> to poll with DescribeTaskInfo. Each API fills
/// only its own subset, so every field may be null.
/// </summary>
public sealed record CsOperationResponse
{
    public string? ClusterId { get; init; }

    public string? NodepoolId { get; init; }

    public string? RequestId { get; init; }

    public string? TaskId { get; init; }
}
