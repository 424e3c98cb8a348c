using Google.OrTools.Sat;

namespace Recommender.Solver;

/// <summary>Reports each better layout CP-SAT finds to <see cref="SolverOptions.Trace"/> (only when one is set).</summary>
internal sealed class TraceCallback(Action<SolverTraceEvent> trace, ObjectiveWeights weights, long priceUnit) : CpSolverSolutionCallback
{
    public override void OnSolutionCallback() =>
        trace(new SolverTraceEvent(
            SolverStage.CpSatSolution,
            TimeSpan.FromSeconds(WallTime()),
            Price(weights, priceUnit, ObjectiveValue()),
            Price(weights, priceUnit, BestObjectiveBound()),
            0,
            false));

    /// <summary>The price part of a scaled objective value (null for the tie-break stage, which has no price term).</summary>
    public static long? Price(ObjectiveWeights weights, long priceUnit, double objective) =>
        weights.Price > 0 ? weights.PriceOf(objective) * priceUnit : null;
}
