using System.Collections.Concurrent;
using System.Globalization;
using Recommender.Alibaba.Ecs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.Catalog;

/// <summary>One refresh of one region: the ECS calls in order, and the assembly of their answers.</summary>
internal sealed class RegionScrape(EcsClient ecs, OnDemandPriceCache cache, PublicPriceSource publicPrices, AlibabaOptions options, string region)
{
    public const string SpotStrategy = "SpotAsPriceGo";

    public ApiCallMeter Meter { get; } = new();

    public async Task<RegionCatalog> FullAsync(Region requested, CancellationToken callerCt)
    {
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(callerCt);
        var ct = siblings.Token;
        var zonesTask = ecs.DescribeZonesAsync(region, Meter, ct);
        var typesTask = ecs.DescribeInstanceTypesAsync(region, Meter, ct);
        var stockTask = ecs.DescribeAvailableInstanceTypesAsync(region, null, Meter, ct);
        var spotStockTask = ecs.DescribeAvailableInstanceTypesAsync(region, SpotStrategy, Meter, ct);
        await WhenAllFailFastAsync(siblings, zonesTask, typesTask, stockTask, spotStockTask).ConfigureAwait(false);

        var zones = zonesTask.Result.Select(AlibabaCloudProvider.ToZone).ToList();
        if (zones.Count == 0)
        {
            throw Inconsistent("DescribeZones returned no zones (has the region been withdrawn?)");
        }

        var hardware = new Dictionary<string, InstanceType>(StringComparer.Ordinal);
        foreach (var item in typesTask.Result)
        {
            hardware[item.InstanceTypeId] = InstanceTypeMapper.Map(item);
        }

        var stock = StockByType(stockTask.Result);
        var offered = stock.Keys.Where(hardware.ContainsKey).Order(StringComparer.Ordinal).ToList();
        // Different APIs have separate rate limits, so on-demand and spot prices are read side by side.
        var pricesTask = OnDemandPricesAsync(offered, ct);
        var spotTask = SpotPricesAsync(offered, StockByType(spotStockTask.Result), ct);
        await WhenAllFailFastAsync(siblings, pricesTask, spotTask).ConfigureAwait(false);
        var (prices, currency) = pricesTask.Result;
        var spot = CheckCurrency(spotTask.Result, currency);
        var offerings = offered
            .Select(t => new InstanceOffering(hardware[t], prices[t], spot.GetValueOrDefault(t, []), stock[t]))
            .ToList();
        return Build(new Region(region, requested.Name, zones), currency, offerings);
    }

    public async Task<RegionCatalog> OnDemandPricesAsync(RegionCatalog previous, CancellationToken ct)
    {
        var (prices, currency) = await OnDemandPricesAsync([.. previous.InstanceTypes.Select(o => o.Name)], ct).ConfigureAwait(false);
        if (!string.Equals(currency, previous.Currency, StringComparison.Ordinal))
        {
            throw Inconsistent($"prices are now in {currency}, the catalog is in {previous.Currency}");
        }

        return Build(previous.Region, currency, [.. previous.InstanceTypes.Select(o => o with { OnDemandPrice = prices[o.Name] })]);
    }

    public async Task<RegionCatalog> SpotPricesAndStockAsync(RegionCatalog previous, CancellationToken callerCt)
    {
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(callerCt);
        var ct = siblings.Token;
        var stockTask = ecs.DescribeAvailableInstanceTypesAsync(region, null, Meter, ct);
        var spotStockTask = ecs.DescribeAvailableInstanceTypesAsync(region, SpotStrategy, Meter, ct);
        await WhenAllFailFastAsync(siblings, stockTask, spotStockTask).ConfigureAwait(false);
        var stock = StockByType(stockTask.Result);
        var names = previous.InstanceTypes.Select(o => o.Name).ToList();
        var spot = CheckCurrency(await SpotPricesAsync(names, StockByType(spotStockTask.Result), ct).ConfigureAwait(false), previous.Currency);
        return Build(previous.Region, previous.Currency, [.. previous.InstanceTypes.Select(o => o with
        {
            SpotPrices = spot.GetValueOrDefault(o.Name, []),
            Availability = stock.GetValueOrDefault(o.Name, []),
        })]);
    }

    /// <summary>Per type, its stock in every zone that lists it (Status Available means it can be launched now).</summary>
    private static Dictionary<string, List<ZoneAvailability>> StockByType(IReadOnlyList<DescribeAvailableResourceResponse.AvailableZoneItem> zones)
    {
        var byType = new Dictionary<string, List<ZoneAvailability>>(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            var zoneOpen = string.Equals(zone.Status, "Available", StringComparison.Ordinal);
            var resources = zone.AvailableResources?.AvailableResource ?? [];
            foreach (var resource in resources.Where(r => string.Equals(r.Type, "InstanceType", StringComparison.Ordinal)))
            {
                foreach (var supported in resource.SupportedResources?.SupportedResource ?? [])
                {
                    var available = zoneOpen && string.Equals(supported.Status, "Available", StringComparison.Ordinal);
                    var list = byType.TryGetValue(supported.Value, out var existing) ? existing : byType[supported.Value] = [];
                    list.Add(new ZoneAvailability(zone.ZoneId, available ? StockStatus.WithStock : StockStatus.SoldOut));
                }
            }
        }

        return byType;
    }

    private async Task<(Dictionary<string, decimal> Prices, string Currency)> OnDemandPricesAsync(IReadOnlyList<string> types, CancellationToken ct)
    {
        if (publicPrices.IsConfigured)
        {
            var file = await publicPrices.LoadAsync(Meter, ct).ConfigureAwait(false);
            var fromFile = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var type in types)
            {
                fromFile[type] = file.HourlyLinuxVpc.TryGetValue((region, type), out var p)
                    ? p
                    : throw Inconsistent($"the public price file has no price for {type}");
            }

            return (fromFile, file.Currency);
        }

        var prices = new ConcurrentDictionary<string, (decimal Price, string Currency)>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(types, Parallelism(ct), async (type, token) =>
        {
            if (!cache.TryGet(region, type, options.PriceCacheTtl, out var cached, out var cachedCurrency))
            {
                var response = await ecs.DescribeInstancePriceAsync(region, type, Meter, token).ConfigureAwait(false);
                var price = response.PriceInfo?.Price ?? throw Inconsistent($"DescribePrice for {type} has no PriceInfo.Price");
                var detail = price.DetailInfos?.DetailInfo?.FirstOrDefault(d => string.Equals(d.Resource, "instanceType", StringComparison.OrdinalIgnoreCase))
                    ?? throw Inconsistent($"DescribePrice for {type} has no instanceType detail");
                (cached, cachedCurrency) = (detail.TradePrice, price.Currency ?? throw Inconsistent($"DescribePrice for {type} has no currency"));
                cache.Set(region, type, cached, cachedCurrency);
            }

            prices[type] = (cached, cachedCurrency);
        }).ConfigureAwait(false);

        var currencies = prices.Values.Select(p => p.Currency).Distinct(StringComparer.Ordinal).ToList();
        if (currencies.Count > 1)
        {
            throw Inconsistent($"prices in several currencies ({string.Join(", ", currencies)})");
        }

        return (prices.ToDictionary(p => p.Key, p => p.Value.Price, StringComparer.Ordinal), currencies.FirstOrDefault() ?? string.Empty);
    }

    /// <summary>Newest spot price per zone for each type that can run as spot in some zone right now.</summary>
    private async Task<SpotPrices> SpotPricesAsync(
        IReadOnlyList<string> types, Dictionary<string, List<ZoneAvailability>> spotStock, CancellationToken ct)
    {
        var currencies = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var spotTypes = types.Where(t => spotStock.TryGetValue(t, out var z) && z.Any(a => a.Status == StockStatus.WithStock)).ToList();
        var result = new ConcurrentDictionary<string, IReadOnlyList<ZonePrice>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(spotTypes, Parallelism(ct), async (type, token) =>
        {
            var (spotCurrency, rows) = await ecs.DescribeSpotPriceHistoryAsync(region, type, Meter, token).ConfigureAwait(false);
            if (spotCurrency is not null)
            {
                currencies[spotCurrency] = true;
            }

            var openZones = spotStock[type].Where(a => a.Status == StockStatus.WithStock).Select(a => a.Zone).ToHashSet(StringComparer.Ordinal);
            var newest = new Dictionary<string, (DateTimeOffset At, decimal Price)>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (!string.Equals(row.InstanceType, type, StringComparison.Ordinal))
                {
                    throw Inconsistent($"DescribeSpotPriceHistory for {type} returned a price for {row.InstanceType}");
                }

                if (!DateTimeOffset.TryParse(row.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    throw new CloudApiException(
                        AlibabaErrorCodes.ClientMalformedResponse, CredentialRedactor.Redact($"Spot price timestamp '{row.Timestamp}' is not ISO 8601."), isTransient: true);
                }

                if (openZones.Contains(row.ZoneId) && (!newest.TryGetValue(row.ZoneId, out var seen) || at > seen.At))
                {
                    newest[row.ZoneId] = (at, row.SpotPrice);
                }
            }

            result[type] = [.. newest.OrderBy(z => z.Key, StringComparer.Ordinal).Select(z => new ZonePrice(z.Key, z.Value.Price))];
        }).ConfigureAwait(false);
        return new SpotPrices(new Dictionary<string, IReadOnlyList<ZonePrice>>(result, StringComparer.Ordinal), [.. currencies.Keys]);
    }

    private Dictionary<string, IReadOnlyList<ZonePrice>> CheckCurrency(SpotPrices spot, string currency)
    {
        var other = spot.Currencies.FirstOrDefault(c => !string.Equals(c, currency, StringComparison.Ordinal));
        return other is null ? spot.ByType : throw Inconsistent($"spot prices are in {other}, on-demand prices in {currency}");
    }

    private sealed record SpotPrices(Dictionary<string, IReadOnlyList<ZonePrice>> ByType, IReadOnlyList<string> Currencies);

    /// <summary>
    /// Waits for side-by-side steps; the first failure cancels the others (a refresh that will be thrown away should
    /// not keep spending the rate limit) and is the one reported.
    /// </summary>
    private static async Task WhenAllFailFastAsync(CancellationTokenSource siblings, params Task[] tasks)
    {
        var pending = tasks.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            if (done.IsCompletedSuccessfully)
            {
                continue;
            }

            await siblings.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(pending).ConfigureAwait(false);
            }
            catch (Exception) when (pending.All(t => t.IsCompleted))
            {
                // The siblings' cancellations and failures are consequences; the first failure is the one to report.
            }

            await done.ConfigureAwait(false);
        }
    }

    private ParallelOptions Parallelism(CancellationToken ct) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelCallsPerRegion), CancellationToken = ct };

    private static RegionCatalog Build(Region region, string currency, IReadOnlyList<InstanceOffering> offerings) =>
        new(KnownProviders.Alibaba.Id, region, currency, CatalogSource.Live, DateTimeOffset.UnixEpoch, 0, offerings);

    /// <summary>Problems quote names and values from the answers, which are upstream text.</summary>
    private CloudApiException Inconsistent(string problem) =>
        new(AlibabaErrorCodes.ClientInconsistentData, CredentialRedactor.Redact($"{region}: {problem}."), isTransient: true);
}
