using System.Globalization;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>The catalog in the layout of Alibaba's public <c>instancePrice.json</c> (contract §5), for air-gapped installs.</summary>
internal static class PublicPriceJson
{
    public const string Path = "/price/download/instancePrice.json";

    public static JsonObject Build(EmulatorCatalog catalog, DateTimeOffset at)
    {
        var info = new JsonObject();
        foreach (var region in catalog.Regions.Values)
        {
            foreach (var offering in region.InstanceTypes)
            {
                info[$"{region.Region.Id}::{offering.Name}::vpc::linux::optimized"] = new JsonObject
                {
                    ["hours"] = new JsonArray(new JsonObject { ["price"] = offering.OnDemandPrice.ToString(CultureInfo.InvariantCulture), ["period"] = "1" }),
                    ["months"] = new JsonArray(new JsonObject { ["price"] = (offering.OnDemandPrice * 730 * 0.7m).ToString("0.00", CultureInfo.InvariantCulture), ["period"] = "1" }),
                };
            }
        }

        return new JsonObject
        {
            ["currency"] = catalog.Regions.Values.Select(r => r.Currency).FirstOrDefault() ?? "USD",
            ["version"] = "emulator",
            ["publicationDate"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["pricingInfo"] = info,
        };
    }
}
