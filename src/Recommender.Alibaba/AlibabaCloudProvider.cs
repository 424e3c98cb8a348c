using Microsoft.Extensions.Options;
using Recommender.Alibaba.Catalog;
using Recommender.Alibaba.Ecs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;

namespace Recommender.Alibaba;

/// <summary>
/// The Alibaba ECS catalog scraper. Every refresh builds a whole new <see cref="RegionCatalog"/> (partial kinds reuse
/// <c>previous</c> for what they do not re-read), validates it, and otherwise throws a
/// <see cref="Core.Errors.CloudApiException"/>; nothing is shared between regions except the price cache.
/// </summary>
public sealed class AlibabaCloudProvider(
    EcsClient ecs,
    OnDemandPriceCache priceCache,
    PublicPriceSource publicPrices,
    IOptions<AlibabaOptions> options,
    TimeProvider time) : ICloudProvider
{
    public string Name => KnownProviders.Alibaba.Id;

    public async Task<IReadOnlyList<Region>> GetRegionsAsync(CancellationToken ct)
    {
        var meter = new ApiCallMeter();
        var regions = await ecs.DescribeRegionsAsync(options.Value.DefaultRegion, meter, ct).ConfigureAwait(false);
        var result = new Region[regions.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, regions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) =>
            {
                var zones = await ecs.DescribeZonesAsync(regions[i].RegionId, meter, token).ConfigureAwait(false);
                result[i] = new Region(regions[i].RegionId, regions[i].LocalName ?? regions[i].RegionId, [.. zones.Select(ToZone)]);
            }).ConfigureAwait(false);
        return result;
    }

    public async Task<RegionRefreshResult> RefreshRegionAsync(Region region, RefreshKind kind, RegionCatalog? previous, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(region);
        var scrape = new RegionScrape(ecs, priceCache, publicPrices, options.Value, region.Id);
        var catalog = previous is null || kind == RefreshKind.Full
            ? await scrape.FullAsync(region, ct).ConfigureAwait(false)
            : kind == RefreshKind.OnDemandPrices
                ? await scrape.OnDemandPricesAsync(previous, ct).ConfigureAwait(false)
                : await scrape.SpotPricesAndStockAsync(previous, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var stamped = new RegionCatalog(Name, catalog.Region, catalog.Currency, CatalogSource.Live, now, now.ToUnixTimeMilliseconds(), catalog.InstanceTypes);
        RegionCatalogValidator.Validate(stamped);
        return new RegionRefreshResult(stamped, scrape.Meter.Calls);
    }

    internal static Zone ToZone(DescribeZonesResponse.ZoneItem zone) => new(zone.ZoneId, zone.LocalName ?? zone.ZoneId);
}
