namespace Recommender.Alibaba.Cs;

/// <summary>One <c>task_result[]</c> entry: <see cref="Data"/> is e.g. an instance id, <see cref="Status"/> its outcome.</summary>
public sealed record CsTaskResult(string? Data, string? Status);
