namespace Recommender.Alibaba.Cs;

/// <summary><c>error</c> of a failed task: a CS error code and message.</summary>
public sealed record CsTaskError(string? Code, string? Message);
