using GraphQL.Types;
using Recommender.Provisioning.Inputs;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class SpotStrategyGraphType : EnumerationGraphType<SpotStrategy>
{
    public SpotStrategyGraphType()
    {
        Name = "SpotStrategy";
        Description = "How a spot pool bids: WITH_PRICE_LIMIT (never above spotPriceLimit) or AS_PRICE_GO (market price, up to on-demand).";
    }
}
