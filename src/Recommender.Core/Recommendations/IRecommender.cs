using Recommender.Core.Catalog;

namespace Recommender.Core.Recommendations;

/// <summary>Turns a layout request into node pools over one region's catalog.</summary>
public interface IRecommender
{
    /// <summary>
    /// Recommends layouts for <paramref name="request"/> in <paramref name="catalog"/>. Throws
    /// <see cref="Errors.ValidationException"/> for malformed input and <see cref="OperationCanceledException"/> when
    /// <paramref name="ct"/> fires; an infeasible request or a solver timeout is reported in the result.
    /// </summary>
    Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct);
}
