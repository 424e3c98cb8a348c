namespace Recommender.Api.Operations;

/// <summary>The one-word summary at the top of <c>/readyz</c>.</summary>
public enum ReadinessStatus
{
    /// <summary>A catalog is loaded and every store answers.</summary>
    Ready,

    /// <summary>The service answers, but a store is unreachable (the catalog serves from memory, answers are kept locally).</summary>
    Degraded,

    /// <summary>No catalog loaded yet: HTTP 503.</summary>
    NotReady,
}
