using Recommender.Core.Cloud;

namespace Recommender.Scrapers;

/// <summary>
/// How often each kind of refresh runs: a TimeSpan (<c>06:00:00</c>) or a Quartz cron expression
/// (<c>0 */5 * * * ?</c>). Hardware changes rarely, spot prices and stock by the minute.
/// </summary>
public sealed class CadenceOptions
{
    /// <summary>Zones, instance types, stock and all prices.</summary>
    public string Full { get; set; } = "12:00:00";

    public string OnDemandPrices { get; set; } = "06:00:00";

    /// <summary>cloudinfo scrapes spot every 4 minutes; ECS throttles per minute, so 5 keeps us clear of it.</summary>
    public string SpotPricesAndStock { get; set; } = "00:05:00";

    /// <summary>Region discovery (also runs once when the scheduler starts).</summary>
    public string Regions { get; set; } = "06:00:00";

    public string For(RefreshKind kind) => kind switch
    {
        RefreshKind.Full => Full,
        RefreshKind.OnDemandPrices => OnDemandPrices,
        _ => SpotPricesAndStock,
    };
}
