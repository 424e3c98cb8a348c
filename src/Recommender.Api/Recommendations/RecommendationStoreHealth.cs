namespace Recommender.Api.Recommendations;

/// <summary>The recommendation store as this replica sees it.</summary>
/// <param name="Kind"><c>memory</c> or <c>redis</c>.</param>
/// <param name="Breaker">The circuit breaker in front of a remote store; null for the in-memory store.</param>
/// <param name="Stored">Places held (recommendations and reservations): counted in memory, or the total Redis last reported
/// to this replica; null before Redis has answered.</param>
/// <param name="Pending">Recommendations held only by this replica until the remote store takes them.</param>
/// <param name="TimedOutCalls">Remote calls cut at the store timeout, since start.</param>
/// <param name="FailedCalls">Remote calls that failed otherwise (connection errors, refused writes), since start.</param>
/// <param name="ShortCircuitedCalls">Calls answered without trying the remote store because the breaker was open.</param>
/// <param name="LastError">The newest remote failure, kept until the store answers again.</param>
public sealed record RecommendationStoreHealth(
    string Kind,
    RecommendationStoreState State,
    CircuitState? Breaker,
    long? Stored,
    int Pending,
    long TimedOutCalls,
    long FailedCalls,
    long ShortCircuitedCalls,
    string? LastError,
    DateTimeOffset? LastSuccessAt);
