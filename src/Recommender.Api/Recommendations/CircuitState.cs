namespace Recommender.Api.Recommendations;

/// <summary>State of a <see cref="StoreCircuitBreaker"/>.</summary>
public enum CircuitState
{
    /// <summary>Calls go to the store.</summary>
    Closed,

    /// <summary>The store failed repeatedly: calls are answered without it until the delay has passed.</summary>
    Open,

    /// <summary>The delay has passed and one probe call is trying the store; the others still go without it.</summary>
    HalfOpen,
}
