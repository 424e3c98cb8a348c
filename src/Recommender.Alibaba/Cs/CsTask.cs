using System.Text.Json.Serialization;

namespace Recommender.Alibaba.Cs;

/// <summary>DescribeTaskInfo (contract §4.4): an asynchronous CS operation and how it ended.</summary>
public sealed record CsTask
{
    public const string Running = "running";
    public const string Success = "success";
    public const string Failed = "failed";

    public string TaskId { get; init; } = string.Empty;

    public string? ClusterId { get; init; }

    /// <summary>e.g. <c>cluster_scaleout</c>.</summary>
    public string? TaskType { get; init; }

    /// <summary><see cref="Running"/>, <see cref="Success"/> or <see cref="Failed"/> (Terraform also treats <c>fail</c> as failure).</summary>
    public string? State { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public string? CurrentStage { get; init; }

    public CsTaskTarget? Target { get; init; }

    public IReadOnlyList<CsTaskResult>? TaskResult { get; init; }

    public CsTaskError? Error { get; init; }

    [JsonIgnore]
    public bool Succeeded => string.Equals(State, Success, StringComparison.Ordinal);

    [JsonIgnore]
    public bool HasFailed => State is Failed or "fail";

    [JsonIgnore]
    public bool IsFinished => Succeeded || HasFailed;
}
