using GraphQL.Types;
using Recommender.Core.Cloud;

namespace Recommender.Api.GraphQL.Refresh;

public sealed class RefreshKindGraphType : EnumerationGraphType<RefreshKind>
{
    public RefreshKindGraphType()
    {
        Name = "RefreshKind";
        Description = "What a refresh re-reads: FULL (zones, types, stock, all prices), ON_DEMAND_PRICES, or SPOT_PRICES_AND_STOCK.";
    }
}
