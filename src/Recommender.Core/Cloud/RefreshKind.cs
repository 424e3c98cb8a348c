namespace Recommender.Core.Cloud;

/// <summary>What a refresh re-reads from the provider. Volatile data is refreshed far more often than hardware.</summary>
public enum RefreshKind
{
    /// <summary>Zones, instance types, stock, on-demand and spot prices: the whole region.</summary>
    Full,

    /// <summary>On-demand prices only (hours), on top of the previous catalog.</summary>
    OnDemandPrices,

    /// <summary>Spot prices and per-zone stock (minutes), on top of the previous catalog.</summary>
    SpotPricesAndStock,
}
