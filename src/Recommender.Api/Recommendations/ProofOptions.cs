using Recommender.Solver;

namespace Recommender.Api.Recommendations;

/// <summary>
/// How a request's time is split between the caller's clock and the background proof, bound from configuration
/// section <c>Solver</c> (next to <see cref="SolverOptions"/>, which reads the same <c>TimeLimit</c>).
/// </summary>
public sealed class ProofOptions
{
    /// <summary>
    /// Foreground budget of a request without timeLimitMs: the answer comes within it (plus the transport), with its
    /// bound and gap. 100 ms answers 98 % of the suite proven (solver/EXPERIMENTS.md); the rest is proven in the background.
    /// </summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The whole budget of a request, foreground and background (the solver's TimeLimit, same key).</summary>
    public TimeSpan TimeLimit { get; set; } = SolverOptions.Default.TimeLimit;

    /// <summary>
    /// Time a recommendScaleOut without timeLimitMs gets (at most TimeLimit). Scale-outs are not continued in the
    /// background (an autoscaler acts on the answer it has), so this is their whole budget: 1 s, as before answers on the
    /// caller's clock, not the 10 s of a whole recommendLayout.
    /// </summary>
    public TimeSpan ScaleOutWithin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Background solves running at once, each on one core and only in a solver slot no request waits for. Default 1:
    /// proofs use at most one core, and requests always come first.
    /// </summary>
    public int BackgroundWorkers { get; set; } = 1;

    /// <summary>
    /// Unproven answers waiting for a background worker. When full, a new one is not continued: it keeps its answer-time
    /// state (its explanation says so), and the refusal is counted (recommender_recommendations_proof_refused).
    /// </summary>
    public int BackgroundQueueLength { get; set; } = 256;

    /// <summary>What makes these options unusable, one message per problem (empty when they are fine).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AnswerWithin <= TimeSpan.Zero || AnswerWithin > TimeLimit)
        {
            problems.Add("Solver:AnswerWithin must be positive and at most Solver:TimeLimit.");
        }

        if (ScaleOutWithin <= TimeSpan.Zero || ScaleOutWithin > TimeLimit)
        {
            problems.Add("Solver:ScaleOutWithin must be positive and at most Solver:TimeLimit.");
        }

        if (BackgroundWorkers < 0)
        {
            problems.Add("Solver:BackgroundWorkers must not be negative (0 = no background proofs).");
        }

        if (BackgroundQueueLength < 1)
        {
            problems.Add("Solver:BackgroundQueueLength must be at least 1.");
        }

        return problems;
    }
}
