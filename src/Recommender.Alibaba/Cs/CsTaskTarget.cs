namespace Recommender.Alibaba.Cs;

/// <summary><c>target</c> of a task: what it works on (<see cref="Type"/> e.g. <c>cluster</c> or <c>nodepool</c>).</summary>
public sealed record CsTaskTarget(string? Id, string? Type);
