using System.Runtime.CompilerServices;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// The inner recommender of the service's solver-slot limit (<c>SlotLimitedRecommender</c>), so solves that are not a
/// <see cref="LayoutRequest"/> (a scale-out's own model) queue for the same slots: <see cref="SolverSlots"/> hands the
/// limit a placeholder request registered here, and this router runs the registered work for it in the slot. Every
/// other request goes to the real recommender. The placeholder is matched by reference, so no caller can forge one.
/// </summary>
public sealed class SolverSlotRouter(IRecommender inner) : IRecommender
{
    private readonly ConditionalWeakTable<LayoutRequest, Func<CancellationToken, Recommendation>> work = [];

    public Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct) =>
        work.TryGetValue(request, out var run) ? Task.FromResult(run(ct)) : inner.RecommendAsync(request, catalog, ct);

    internal void Register(LayoutRequest placeholder, Func<CancellationToken, Recommendation> run) => work.AddOrUpdate(placeholder, run);

    internal void Unregister(LayoutRequest placeholder) => work.Remove(placeholder);
}
