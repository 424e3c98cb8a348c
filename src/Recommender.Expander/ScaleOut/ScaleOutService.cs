using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Expander.Consultations;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// recommendScaleOut's service: checks the input before queueing, solves in a solver slot (<see cref="SolverSlots"/>),
/// and records the consultation in the decision log.
/// </summary>
public sealed class ScaleOutService(ScaleOutSolver solver, SolverSlots slots, ConsultationRecorder recorder)
{
    /// <exception cref="Core.Errors.ValidationException">Malformed input, naming the field.</exception>
    /// <exception cref="Core.Errors.SolverBusyException">Every solver slot stayed busy for the queue timeout.</exception>
    public async Task<ScaleOutResult> RecommendAsync(ScaleOutRequest request, RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        // Bad input is refused before it takes a slot (and again inside, which is cheap).
        ScaleOutValidator.Validate(request, catalog, solver.MaxTimeLimitMs);
        var result = await slots.RunAsync(c =>
        {
            var r = solver.Solve(request, catalog, c);
            var summary = new Recommendation(r.Status, [], r.LowerBound, r.Gap, r.SolveTimeMs, r.Explanation, r.CatalogVersion,
                TimeSpan.Zero, r.Currency);
            return (r, summary);
        }, ct).ConfigureAwait(false);
        await recorder.RecordScaleOutAsync(request, result, ct).ConfigureAwait(false);
        return result;
    }
}
