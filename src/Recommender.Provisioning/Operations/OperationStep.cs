namespace Recommender.Provisioning.Operations;

/// <summary>
/// One step of an operation (read credentials, CreateCluster, wait for the cluster, CreateClusterNodePool per pool,
/// wait for each pool, done): its times, attempts, the ACK ids it produced or waits on, and the vendor's error when it
/// failed. Stores keep every field exactly, times to the microsecond (in UTC).
/// </summary>
public sealed record OperationStep
{
    /// <summary>The step, e.g. <c>CreateCluster</c> or <c>CreateClusterNodePool</c>; named by the executor, opaque to stores.</summary>
    public required string Name { get; init; }

    public OperationStepState State { get; init; } = OperationStepState.Pending;

    /// <summary>The node pool of the layout a per-pool step is about; null for the others.</summary>
    public string? NodePool { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How many times the step was started, retries included.</summary>
    public int Attempts { get; init; }

    /// <summary>The ACK cluster id (<c>cluster_id</c>) once known.</summary>
    public string? ClusterId { get; init; }

    /// <summary>The ACK node pool id (<c>nodepool_id</c>) a per-pool step created or waits on.</summary>
    public string? NodePoolId { get; init; }

    /// <summary>The ACK task id (<c>task_id</c>) an asynchronous call returned.</summary>
    public string? TaskId { get; init; }

    /// <summary>The Alibaba error code when the step failed on a vendor error, e.g. <c>ErrQuotaExceeded</c>.</summary>
    public string? VendorCode { get; init; }

    /// <summary>The Alibaba error message, verbatim.</summary>
    public string? VendorMessage { get; init; }

    /// <summary>The Alibaba request id of the failed call, for support tickets.</summary>
    public string? VendorRequestId { get; init; }

    /// <summary>Whatever else the step produced, as a JSON document; opaque to stores.</summary>
    public string? Output { get; init; }
}
