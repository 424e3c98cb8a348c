using System.Collections.Concurrent;

namespace Recommender.Alibaba.Catalog;

/// <summary>
/// DescribePrice answers per (region, type), kept for <see cref="AlibabaOptions.PriceCacheTtl"/> so that refreshes
/// between two price cadences cost no price calls. Shared by all refreshes (a singleton).
/// </summary>
public sealed class OnDemandPriceCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Region, string Type), Entry> entries = new();

    public bool TryGet(string region, string type, TimeSpan ttl, out decimal price, out string currency)
    {
        if (entries.TryGetValue((region, type), out var entry) && time.GetUtcNow() - entry.ReadAt < ttl)
        {
            (price, currency) = (entry.Price, entry.Currency);
            return true;
        }

        (price, currency) = (0, string.Empty);
        return false;
    }

    public void Set(string region, string type, decimal price, string currency) =>
        entries[(region, type)] = new Entry(price, currency, time.GetUtcNow());

    private sealed record Entry(decimal Price, string Currency, DateTimeOffset ReadAt);
}
