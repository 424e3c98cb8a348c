using GraphQL;
using Recommender.Core.Catalog;
using Recommender.Scrapers.Status;

namespace Recommender.Api.GraphQL.Status;

internal static class RefreshStatusLookup
{
    /// <summary>The scrapers' record of a region, or null when they never discovered nor refreshed it.</summary>
    public static RegionRefreshStatus? RefreshOf(this IResolveFieldContext<RegionCatalogStatus> context) =>
        context.RequestServices!.GetRequiredService<IRefreshStatus>().Find(context.Source.Key);
}
