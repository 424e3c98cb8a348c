using Google.OrTools.Sat;

namespace Recommender.Solver;

/// <summary>Reports each better layout CP-SAT finds to <see cref="SolverOptions.Trace"/> (only when one is set).</summary>
internal sealed class TraceCallback(Action<SolverTraceEvent> trace, ObjectiveWeights weights, long priceUnit) : CpSolverSolutionCallback
{
    public override void OnSolutionCallback() =>
        trace(new SolverTraceEvent(
            SolverStage.CpSatSolution,
            TimeSpan.FromSeconds(WallTime()),
            weights.PriceMicrosOf(ObjectiveValue(), priceUnit),
            weights.PriceMicrosOf(BestObjectiveBound(), priceUnit),
            0,
            false));
}
