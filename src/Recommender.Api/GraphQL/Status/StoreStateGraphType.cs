using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Status;

public sealed class StoreStateGraphType : EnumerationGraphType<StoreState>
{
    public StoreStateGraphType()
    {
        Name = "StoreState";
        Description = "AVAILABLE, or UNAVAILABLE while the service serves what it holds in memory and retries.";
    }
}
