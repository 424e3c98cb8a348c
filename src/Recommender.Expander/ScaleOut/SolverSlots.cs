using Recommender.Core.Recommendations;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// Runs CPU-bound scale-out work in one of the service's solver slots: the same limit (and queue timeout, SOLVER_BUSY,
/// metrics) as every <see cref="IRecommender"/> call, since <paramref name="limited"/> is the service's one limit.
/// </summary>
public sealed class SolverSlots(SlotLimitedRecommender limited)
{
    /// <summary>
    /// Runs <paramref name="work"/> in a slot; it returns its result and a <see cref="Recommendation"/> summary for the
    /// slot's observer (status and gap).
    /// </summary>
    /// <exception cref="Core.Errors.SolverBusyException">No slot freed within the queue timeout.</exception>
    public Task<T> RunAsync<T>(Func<CancellationToken, (T Result, Recommendation Summary)> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return limited.RunAsync(c => Task.FromResult(work(c)), ct);
    }
}
