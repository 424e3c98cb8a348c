using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Recommender.Core.Catalog;

namespace Recommender.Emulators.Alibaba;

/// <summary>The ECS API subset (contract §3), answered from an <see cref="EmulatorCatalog"/>.</summary>
internal sealed class EcsActions(EmulatorCatalog catalog, EmulatorFaults faults, TimeProvider time)
{
    public const int MaxPageSize = 100;
    public static readonly string[] Names =
        ["DescribeRegions", "DescribeZones", "DescribeInstanceTypes", "DescribeAvailableResource", "DescribePrice", "DescribeSpotPriceHistory"];

    private readonly ConcurrentDictionary<string, int> pageTokens = new(StringComparer.Ordinal);

    public JsonObject Handle(string action, IReadOnlyDictionary<string, string> p) => action switch
    {
        "DescribeRegions" => DescribeRegions(),
        "DescribeZones" => DescribeZones(RegionOf(p, "InvalidRegionId.NotFound")),
        "DescribeInstanceTypes" => DescribeInstanceTypes(p),
        "DescribeAvailableResource" => DescribeAvailableResource(RegionOf(p, "Invalid.RegionId"), p),
        "DescribePrice" => DescribePrice(RegionOf(p, "InvalidRegionId.NotFound"), p),
        "DescribeSpotPriceHistory" => DescribeSpotPriceHistory(RegionOf(p, "InvalidRegionId.NotFound"), p),
        _ => throw AcsError.ApiNotFound(),
    };

    private JsonObject DescribeRegions()
    {
        var regions = catalog.Regions.Values.Where(r => !faults.IsRemoved(r.Region.Id)).OrderBy(r => r.Region.Id, StringComparer.Ordinal);
        return EcsJson.Wrap("Regions", "Region", [.. regions.Select(r => (JsonNode)new JsonObject
        {
            ["RegionId"] = r.Region.Id,
            ["LocalName"] = r.Region.Name,
            ["RegionEndpoint"] = $"ecs.{r.Region.Id}.aliyuncs.com",
            ["Status"] = "available",
        })]);
    }

    private static JsonObject DescribeZones(RegionCatalog region) =>
        EcsJson.Wrap("Zones", "Zone", [.. region.Region.Zones.Select(z => (JsonNode)EcsJson.Zone(region.Region.Id, z, region.InstanceTypes))]);

    /// <summary>
    /// The global catalogue (no RegionId, as the SDKs send none; one is ignored), narrowed by every filter
    /// (<see cref="InstanceTypeFilter"/>), in pages of at most 100 with opaque tokens like ECS's (a hash, not an offset).
    /// </summary>
    private JsonObject DescribeInstanceTypes(IReadOnlyDictionary<string, string> p)
    {
        var size = p.TryGetValue("MaxResults", out var max) && int.TryParse(max, CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 1, MaxPageSize) : MaxPageSize;
        var offset = 0;
        if (p.TryGetValue("NextToken", out var token) && !pageTokens.TryGetValue(token, out offset))
        {
            throw new AcsError(400, "InvalidParameter.NextToken", "The specified NextToken is not valid.");
        }

        var list = InstanceTypeFilter.Apply(catalog.AllTypes.Select(EcsJson.InstanceType), p).ToList();
        var page = list.Skip(offset).Take(size).ToList();
        var next = offset + page.Count;
        var key = InstanceTypeFilter.Key(p);
        var loop = faults.Find("DescribeInstanceTypes")?.PageTokenLoop == true && offset > 0;
        var body = EcsJson.Wrap("InstanceTypes", "InstanceType", [.. page]);
        body["NextToken"] = loop ? TokenFor(key, offset) : next < list.Count ? TokenFor(key, next) : string.Empty;
        return body;
    }

    private JsonObject DescribeAvailableResource(RegionCatalog region, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("DestinationResource", out var destination))
        {
            throw new AcsError(400, "Invalid.Param", "The DestinationResource is mandatory.");
        }

        if (destination != "InstanceType")
        {
            throw new AcsError(404, "Invalid.DestinationResource", "The specified DestinationResource is not supported by the emulator.");
        }

        var strategy = p.GetValueOrDefault("SpotStrategy", "NoSpot");
        if (strategy is not ("NoSpot" or "SpotWithPriceLimit" or "SpotAsPriceGo"))
        {
            throw new AcsError(404, "Invalid.SpotStrategy", "The specified SpotStrategy is not valid.");
        }

        var spot = strategy != "NoSpot";
        var zones = new JsonArray();
        foreach (var zone in region.Region.Zones.Where(z => !p.TryGetValue("ZoneId", out var only) || only == z.Id))
        {
            var supported = new JsonArray();
            foreach (var offering in region.InstanceTypes)
            {
                var stock = offering.Availability.FirstOrDefault(a => a.Zone == zone.Id);
                if (stock is null || (spot && offering.SpotPriceIn(zone.Id) is null))
                {
                    continue;
                }

                supported.Add(EcsJson.Supported(offering.Name, stock.Status == StockStatus.WithStock));
            }

            if (faults.Find("DescribeAvailableResource")?.UnknownInstanceType == true)
            {
                supported.Add(EcsJson.Supported(ActionFaults.PhantomType, withStock: true));
            }

            if (supported.Count > 0)
            {
                zones.Add(EcsJson.StockZone(region.Region.Id, zone.Id, supported));
            }
        }

        return EcsJson.Wrap("AvailableZones", "AvailableZone", zones);
    }

    private static JsonObject DescribePrice(RegionCatalog region, IReadOnlyDictionary<string, string> p)
    {
        if (p.GetValueOrDefault("ResourceType", "instance") != "instance")
        {
            throw new AcsError(400, "InvalidResourceType.ValueNotSupported", "The emulator prices instances only.");
        }

        if (!p.TryGetValue("InstanceType", out var name))
        {
            throw new AcsError(404, "InvalidInstanceType.Missing", "InstanceType is mandatory for this action.");
        }

        var offering = region.Find(name) ?? throw new AcsError(400, "InvalidInstanceType.ValueNotSupported", $"The instance type {name} is not sold in {region.Region.Id}.");
        var price = offering.OnDemandPrice;
        if (p.GetValueOrDefault("SpotStrategy", "NoSpot") != "NoSpot")
        {
            price = (p.TryGetValue("ZoneId", out var zone) ? offering.SpotPriceIn(zone) : offering.SpotPrices.Select(s => (decimal?)s.Price).Min())
                ?? throw new AcsError(400, "PriceNotFound", "No spot price for this type and zone.");
        }

        return EcsJson.Price(region.Currency, price);
    }

    /// <summary>Three hourly rows per zone, newest in the middle, so only a client that sorts by Timestamp gets it right.</summary>
    private JsonObject DescribeSpotPriceHistory(RegionCatalog region, IReadOnlyDictionary<string, string> p)
    {
        if (!p.TryGetValue("InstanceType", out var name))
        {
            throw AcsError.Missing("InstanceType");
        }

        if (!p.TryGetValue("NetworkType", out var network) || network is not ("vpc" or "classic"))
        {
            throw new AcsError(400, "InvalidParams.NetworkType", "The specified NetworkType is not valid.");
        }

        var offering = region.Find(name) ?? throw new AcsError(400, "InvalidParams.InstanceType", $"The instance type {name} is not sold in {region.Region.Id}.");
        var offset = p.TryGetValue("Offset", out var o) && int.TryParse(o, CultureInfo.InvariantCulture, out var off) ? off : 0;
        var now = time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var rows = new JsonArray();
        foreach (var spot in offering.SpotPrices.Where(s => !p.TryGetValue("ZoneId", out var z) || z == s.Zone))
        {
            rows.Add(EcsJson.SpotRow(spot.Zone, name, hour.AddHours(-1), Math.Round(spot.Price * 1.07m, 4), offering.OnDemandPrice));
            rows.Add(EcsJson.SpotRow(spot.Zone, name, hour, spot.Price, offering.OnDemandPrice));
            rows.Add(EcsJson.SpotRow(spot.Zone, name, hour.AddHours(-2), Math.Round(spot.Price * 0.93m, 4), offering.OnDemandPrice));
        }

        if (faults.Find("DescribeSpotPriceHistory")?.UnknownInstanceType == true && offering.SpotPrices.Count > 0)
        {
            rows.Add(EcsJson.SpotRow(offering.SpotPrices[0].Zone, ActionFaults.PhantomType, hour, 0.01m, 0.05m));
        }

        var body = EcsJson.Wrap("SpotPrices", "SpotPriceType", offset > 0 ? [] : rows);
        body["Currency"] = region.Currency;
        body["NextOffset"] = 0;
        return body;
    }

    private RegionCatalog RegionOf(IReadOnlyDictionary<string, string> p, string notFoundCode)
    {
        if (!p.TryGetValue("RegionId", out var id))
        {
            throw AcsError.Missing("RegionId");
        }

        return catalog.Regions.TryGetValue(id, out var region) && !faults.IsRemoved(id)
            ? region
            : throw new AcsError(404, notFoundCode, $"The specified RegionId {id} does not exist.");
    }

    private string TokenFor(string filters, int offset)
    {
        var token = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{filters}/{offset}")))[..16];
        pageTokens[token] = offset;
        return token;
    }
}
