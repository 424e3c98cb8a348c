namespace Recommender.Api.Recommendations;

/// <summary>How recommendations are served and kept, bound from configuration section <c>Recommendations</c>.</summary>
public sealed class RecommendationOptions
{
    public const string Section = "Recommendations";

    /// <summary>How long <c>recommendation(id)</c> finds an answer after it was computed.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Solves running at once; each is CPU-bound for up to Solver:TimeLimit. Default: the processor count.</summary>
    public int MaxConcurrentSolves { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a request waits for a solver slot before it is answered with SOLVER_BUSY.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most recommendations the in-memory store keeps (expired ones go first, then the oldest).</summary>
    public int MaxStored { get; set; } = 10_000;
}
