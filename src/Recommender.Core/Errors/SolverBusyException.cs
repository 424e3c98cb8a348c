namespace Recommender.Core.Errors;

/// <summary>No solver slot became free within the queue timeout.</summary>
public sealed class SolverBusyException(int slots, TimeSpan waited)
    : RecommenderException($"All {slots} solver slots stayed busy for {waited.TotalSeconds:0.###} s; retry later.")
{
    public override string Code => ErrorCodes.SolverBusy;

    public override bool IsTransient => true;
}
