using GraphQL.Types;
using Recommender.Core.Catalog;
using Recommender.Scrapers.Status;

namespace Recommender.Api.GraphQL.Status;

public sealed class CatalogStatusGraphType : ObjectGraphType<ICatalogStatus>
{
    public CatalogStatusGraphType()
    {
        Name = "CatalogStatus";
        Description = "Health of the catalog and freshness of each region.";
        Field<NonNullGraphType<BooleanGraphType>>("ready").Description("True when at least one region is loaded.")
            .Resolve(ctx => ctx.Source.GetHealth().IsLoaded);
        Field<NonNullGraphType<StoreStatusGraphType>>("store").Description("The catalog store.").Resolve(ctx => ctx.Source.GetHealth());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionCatalogStatusGraphType>>>>("regions")
            .Description("Every loaded region.")
            .Resolve(ctx => ctx.Source.GetRegions());
        Field<NonNullGraphType<ScraperStateGraphType>>("scrapers").Description("Whether the scrapers run here, and why not.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<IRefreshStatus>().State);
    }
}
