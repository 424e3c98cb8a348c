namespace Recommender.Secrets;

/// <summary>How the secret store is doing, for readiness: <see cref="Kind"/> <c>memory</c> or <c>vault</c>.</summary>
public sealed record SecretStoreReport(string Kind, bool Available, string? Problem, DateTimeOffset CheckedAt);
