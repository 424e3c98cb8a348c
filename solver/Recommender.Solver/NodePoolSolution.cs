namespace Recommender.Solver;

/// <summary>What one CP-SAT solve produced.</summary>
/// <param name="Counts">Nodes per candidate; null when no layout was found.</param>
/// <param name="PriceMicros">Price of <see cref="Counts"/> in millionths per hour.</param>
/// <param name="PriceBoundMicros">Proven lower bound on the price; null when the solve proved nothing.</param>
internal sealed record NodePoolSolution(SolveStatus Status, IReadOnlyList<int>? Counts, long PriceMicros, long? PriceBoundMicros, TimeSpan WallTime)
{
    public bool HasLayout => Counts is not null;
}
