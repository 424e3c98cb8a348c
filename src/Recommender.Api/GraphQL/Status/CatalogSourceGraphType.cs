using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Status;

public sealed class CatalogSourceGraphType : EnumerationGraphType<CatalogSource>
{
    public CatalogSourceGraphType()
    {
        Name = "CatalogSource";
        Description = "Where a region's data came from: LIVE (scraped) or SNAPSHOT (imported file).";
    }
}
