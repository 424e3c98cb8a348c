using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>
/// Query-side view of one immutable <see cref="RegionCatalog"/>: offerings wrapped once and pre-sorted for every
/// ordering, zones numbered for bit-mask checks. Cached per region instance, so it lives exactly as long as the
/// region does and a swapped-in snapshot gets a fresh index on first use.
/// </summary>
public sealed class RegionIndex
{
    /// <summary>Zones beyond this count cannot be represented in the 64-bit masks; no provider region comes close.</summary>
    private const int MaxZones = 64;

    private static readonly ConditionalWeakTable<RegionCatalog, RegionIndex> Cache = [];

    private readonly FrozenDictionary<string, RegionOffering> byName;
    private readonly FrozenDictionary<string, int> zoneNumbers;

    private RegionIndex(RegionCatalog region)
    {
        Region = region;
        zoneNumbers = region.Region.Zones.Take(MaxZones).Select((z, i) => (z.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var all = region.InstanceTypes.Select(o => Wrap(region, o)).ToArray();
        byName = all.ToFrozenDictionary(o => o.Type.Name, StringComparer.Ordinal);
        ByName = [.. all.OrderBy(o => o.Type.Name, StringComparer.Ordinal)];
        ByPrice = [.. all.OrderBy(o => o.Offering.OnDemandPrice).ThenBy(o => o.Type.Name, StringComparer.Ordinal)];
        ByPricePerVcpu = [.. all.OrderBy(o => o.PricePerVcpu).ThenBy(o => o.Type.Name, StringComparer.Ordinal)];
    }

    public RegionCatalog Region { get; }

    public IReadOnlyList<RegionOffering> ByName { get; }

    public IReadOnlyList<RegionOffering> ByPrice { get; }

    public IReadOnlyList<RegionOffering> ByPricePerVcpu { get; }

    public static RegionIndex For(RegionCatalog region) => Cache.GetValue(region, static r => new RegionIndex(r));

    public RegionOffering? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The ascending ordering for <paramref name="field"/>.</summary>
    public IReadOnlyList<RegionOffering> Ordered(InstanceTypeOrderField field) => field switch
    {
        InstanceTypeOrderField.Price => ByPrice,
        InstanceTypeOrderField.PricePerVcpu => ByPricePerVcpu,
        _ => ByName,
    };

    /// <summary>The zone's bit, or 0 when the region has no such zone.</summary>
    public ulong ZoneBit(string zone) => zoneNumbers.TryGetValue(zone, out var i) ? 1UL << i : 0;

    private RegionOffering Wrap(RegionCatalog region, InstanceOffering offering)
    {
        ulong offered = 0, stocked = 0;
        foreach (var a in offering.Availability)
        {
            var bit = ZoneBit(a.Zone);
            offered |= bit;
            if (a.Status == StockStatus.WithStock)
            {
                stocked |= bit;
            }
        }

        return new RegionOffering(region, offering, offered, stocked);
    }
}
