using Recommender.Core.Cloud;

namespace Recommender.Scrapers;

/// <summary>
/// Age of the last successful refresh after which a region's data of that kind is reported stale. Stale data is still
/// served; a successful full refresh counts for every kind.
/// </summary>
public sealed class StaleAfterOptions
{
    public TimeSpan Full { get; set; } = TimeSpan.FromHours(36);

    public TimeSpan OnDemandPrices { get; set; } = TimeSpan.FromHours(18);

    public TimeSpan SpotPricesAndStock { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan For(RefreshKind kind) => kind switch
    {
        RefreshKind.Full => Full,
        RefreshKind.OnDemandPrices => OnDemandPrices,
        _ => SpotPricesAndStock,
    };
}
