using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// Runs CPU-bound solver work in one of the service's solver slots: the same limit (and queue timeout, SOLVER_BUSY,
/// metrics) as every <see cref="IRecommender"/> call, through <paramref name="limited"/> whose inner recommender is
/// <paramref name="router"/>.
/// </summary>
public sealed class SolverSlots(IRecommender limited, SolverSlotRouter router)
{
    /// <summary>
    /// Runs <paramref name="work"/> in a slot; it returns its result and a <see cref="Recommendation"/> summary for the
    /// slot's observer (status and gap).
    /// </summary>
    /// <exception cref="Core.Errors.SolverBusyException">No slot freed within the queue timeout.</exception>
    public async Task<T> RunAsync<T>(RegionCatalog catalog, Func<CancellationToken, (T Result, Recommendation Summary)> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(work);
        // A fresh instance: the router matches it by reference.
        var placeholder = new LayoutRequest { Provider = catalog.Provider, Region = catalog.Region.Id };
        T result = default!;
        router.Register(placeholder, c =>
        {
            var (r, summary) = work(c);
            result = r;
            return summary;
        });
        try
        {
            await limited.RecommendAsync(placeholder, catalog, ct).ConfigureAwait(false);
            return result;
        }
        finally
        {
            router.Unregister(placeholder);
        }
    }
}
