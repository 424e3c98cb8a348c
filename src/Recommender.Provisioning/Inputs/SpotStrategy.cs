namespace Recommender.Provisioning.Inputs;

/// <summary>How a spot pool bids (contract §4.3 <c>spot_strategy</c>). Stored by name, so never rename a member.</summary>
public enum SpotStrategy
{
    /// <summary><c>SpotWithPriceLimit</c>: never more than the pool's price limit per node-hour.</summary>
    WithPriceLimit,

    /// <summary><c>SpotAsPriceGo</c>: whatever the market price is, up to the on-demand price.</summary>
    AsPriceGo,
}
