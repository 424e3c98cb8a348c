using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Status;

public sealed class StoreStatusGraphType : ObjectGraphType<CatalogHealthReport>
{
    public StoreStatusGraphType()
    {
        Name = "StoreStatus";
        Description = "The catalog store behind the in-memory catalog.";
        Field("kind", x => x.StoreKind).Description("memory or redis.");
        Field<NonNullGraphType<StoreStateGraphType>>("state").Description("Whether the last store operation succeeded.")
            .Resolve(ctx => ctx.Source.StoreState);
        Field("lastError", x => x.LastStoreError, nullable: true).Description("Newest store failure, until the store answers again.");
        Field("lastSuccessAt", x => x.LastStoreSuccessAt, nullable: true).Description("When the store last answered.");
    }
}
