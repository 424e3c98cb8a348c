namespace Recommender.Solver;

/// <summary>
/// The branch-and-bound time of one request (<see cref="SolverOptions.CoverSearchBudget"/>), shared by every search it
/// starts (one per size for sameSize): the clock starts with the first search, and later ones get what is left.
/// </summary>
internal sealed class CoverBudget(TimeSpan budget, TimeProvider time)
{
    private long? end;

    /// <summary>When the budget runs out, as a timestamp; starts the budget on first use.</summary>
    public long End => end ??= time.GetTimestamp() + (long)(budget.TotalSeconds * time.TimestampFrequency);

    /// <summary>Some of it is left (always true before the first search).</summary>
    public bool HasTimeLeft => budget > TimeSpan.Zero && (end is not { } e || time.GetTimestamp() < e);
}
