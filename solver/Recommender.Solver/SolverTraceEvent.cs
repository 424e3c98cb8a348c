namespace Recommender.Solver;

/// <summary>
/// One step of a solve, reported to <see cref="SolverOptions.Trace"/>: what is slow on a request, the search for a
/// good layout or the proof that it is the best, is what tuning needs to know (solver/README.md).
/// </summary>
/// <param name="Elapsed">Time since that stage started (CP-SAT's own wall clock for CP-SAT).</param>
/// <param name="PriceMicros">Price of the best layout so far; null when there is none (or a tie-break stage).</param>
/// <param name="BoundMicros">
/// Lower bound on the price: the root LP for the branch and bound, CP-SAT's proven bound for CP-SAT; null when none.
/// </param>
/// <param name="States">Branch-and-bound states visited (0 for CP-SAT).</param>
/// <param name="Finished">The stage ran to the end (optimal or infeasible), rather than out of time.</param>
public sealed record SolverTraceEvent(SolverStage Stage, TimeSpan Elapsed, long? PriceMicros, long? BoundMicros, long States, bool Finished);
