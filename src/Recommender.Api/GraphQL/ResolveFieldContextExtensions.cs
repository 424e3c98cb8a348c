using GraphQL;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Api.GraphQL;

internal static class ResolveFieldContextExtensions
{
    /// <summary>
    /// The snapshot this request reads: the endpoint passes <see cref="ICatalog.Current"/> as the root value once per
    /// request, so every field of one response sees the same catalog even while a refresh swaps a new one in.
    /// </summary>
    public static CatalogSnapshot Catalog(this IResolveFieldContext context) =>
        context.RootValue as CatalogSnapshot
        ?? context.RequestServices?.GetRequiredService<ICatalog>().Current
        ?? throw new InvalidOperationException("No catalog: pass the snapshot as root value or set RequestServices.");

    public static RegionCatalog RequireRegion(this CatalogSnapshot snapshot, string provider, string region)
    {
        RequireProvider(snapshot, provider);
        return snapshot.Find(new RegionKey(provider, region)) ?? throw new NotFoundException("region", region);
    }

    public static Provider RequireProvider(this CatalogSnapshot snapshot, string provider) =>
        snapshot.FindProvider(provider) ?? throw new NotFoundException("provider", provider);
}
