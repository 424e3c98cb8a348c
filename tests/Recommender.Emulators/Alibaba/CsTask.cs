using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>One emulated asynchronous CS task (contract §4.4): <c>running</c> until <see cref="DoneAt"/>, then <c>success</c> or <c>failed</c>.</summary>
internal sealed class CsTask
{
    public required string Id { get; init; }

    /// <summary>e.g. <c>cluster_create</c>, <c>nodepool_create</c>, <c>cluster_scaleout</c>.</summary>
    public required string Type { get; init; }

    public required string ClusterId { get; init; }

    public required string TargetId { get; init; }

    /// <summary><c>cluster</c> or <c>nodepool</c>.</summary>
    public required string TargetType { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset DoneAt { get; init; }

    /// <summary>Set when the task was made to fail: the error code its <c>error</c> carries.</summary>
    public string? FailureCode { get; init; }

    /// <summary>Instances bought by the task (<c>task_result[].data</c>).</summary>
    public IReadOnlyList<string> Instances { get; init; } = [];

    public string StateAt(DateTimeOffset now) => now < DoneAt ? "running" : FailureCode is null ? "success" : "failed";

    public JsonObject ToJson(DateTimeOffset now)
    {
        var state = StateAt(now);
        var task = new JsonObject
        {
            ["task_id"] = Id,
            ["cluster_id"] = ClusterId,
            ["task_type"] = Type,
            ["state"] = state,
            ["created"] = CsJson.Time(Created),
            ["updated"] = CsJson.Time(state == "running" ? Created : DoneAt),
            ["current_stage"] = state == "running" ? "Provisioning" : string.Empty,
            ["target"] = new JsonObject { ["id"] = TargetId, ["type"] = TargetType },
            ["parameters"] = new JsonObject(),
            ["stages"] = new JsonArray(new JsonObject
            {
                ["state"] = state,
                ["start_time"] = CsJson.Time(Created),
                ["end_time"] = state == "running" ? string.Empty : CsJson.Time(DoneAt),
                ["message"] = string.Empty,
                ["outputs"] = new JsonObject(),
            }),
            ["events"] = new JsonArray(),
            ["task_result"] = new JsonArray([.. Instances.Select(i => (JsonNode)new JsonObject
            {
                ["data"] = i,
                ["status"] = state == "running" ? "running" : FailureCode is null ? "success" : "failed",
            })]),
        };
        if (state == "failed")
        {
            task["error"] = new JsonObject { ["code"] = FailureCode, ["message"] = $"The {Type} task failed: {FailureCode} (injected)." };
        }

        return task;
    }
}
