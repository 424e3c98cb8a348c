using Recommender.Core.Errors;

namespace Recommender.Solver;

/// <summary>
/// A solve threw (a bug of ours or of OR-Tools). <see cref="CpSatRecommender"/> has logged the cause; callers see
/// only <c>INTERNAL</c> and this message, never the cause's text.
/// </summary>
public sealed class SolverFailedException(Exception cause)
    : RecommenderException("The solver failed on this request. The failure was logged.", cause)
{
    public override string Code => ErrorCodes.Internal;
}
