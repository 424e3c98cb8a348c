using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Status;

public static class StatusQueries
{
    public static ObjectGraphType AddStatusFields(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<CatalogStatusGraphType>>("catalogStatus")
            .Description("Catalog health and per-region freshness (the same data as /readyz).")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<ICatalogStatus>());
        return query;
    }
}
