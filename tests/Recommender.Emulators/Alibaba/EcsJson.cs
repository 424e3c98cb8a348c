using System.Text.Json.Nodes;
using Recommender.Alibaba.Catalog;
using Recommender.Core.Catalog;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// Our model written back as ECS wire JSON, built by hand (not with the client's records) so that a wrong field name on
/// either side shows up as a failing test instead of cancelling out.
/// </summary>
internal static class EcsJson
{
    public static JsonObject Wrap(string outer, string inner, JsonArray items) => new() { [outer] = new JsonObject { [inner] = items } };

    public static JsonObject InstanceType(InstanceType t)
    {
        var bandwidthKbit = (long)Math.Round(t.NetworkBandwidthGbps * InstanceTypeMapper.KbitPerGbit);
        return new JsonObject
        {
            ["InstanceTypeId"] = t.Name,
            ["InstanceTypeFamily"] = t.Family,
            ["InstanceCategory"] = CategoryName(t.Category),
            ["InstanceFamilyLevel"] = t.IsBurstable ? InstanceTypeMapper.CreditFamilyLevel : "EnterpriseLevel",
            ["CpuCoreCount"] = t.Vcpu,
            ["MemorySize"] = t.MemoryGiB,
            ["CpuArchitecture"] = t.Architecture == CpuArchitecture.Arm ? "ARM" : "X86",
            ["PhysicalProcessorModel"] = t.Architecture == CpuArchitecture.Arm ? "Yitian 710" : "Intel Xeon (Ice Lake) Platinum 8369B",
            ["BaselineCredit"] = t.BurstBaselinePercent is { } p ? (int)Math.Round(p * t.Vcpu) : 0,
            ["InitialCredit"] = 0,
            ["GPUAmount"] = t.GpuCount,
            ["GPUSpec"] = t.GpuModel ?? string.Empty,
            ["GPUMemorySize"] = t.GpuMemoryGiB,
            ["InstanceBandwidthRx"] = bandwidthKbit,
            ["InstanceBandwidthTx"] = bandwidthKbit,
            ["InstancePpsRx"] = t.PacketsPerSecond,
            ["InstancePpsTx"] = t.PacketsPerSecond,
            ["EniQuantity"] = t.EniCount,
            ["EniPrivateIpAddressQuantity"] = 10,
            ["EniIpv6AddressQuantity"] = 10,
            ["LocalStorageAmount"] = t.LocalStorage?.Disks ?? 0,
            ["LocalStorageCapacity"] = t.LocalStorage?.DiskSizeGiB ?? 0,
            ["LocalStorageCategory"] = t.LocalStorage?.Kind ?? string.Empty,
            ["DiskQuantity"] = 17,
            ["NvmeSupport"] = "required",
        };
    }

    public static JsonObject Zone(string region, Zone zone, IEnumerable<InstanceOffering> offerings) => new()
    {
        ["ZoneId"] = zone.Id,
        ["LocalName"] = zone.Name,
        ["ZoneType"] = "AvailabilityZone",
        ["AvailableResourceCreation"] = new JsonObject { ["ResourceTypes"] = new JsonArray("Instance", "Disk", "DedicatedHost") },
        ["AvailableDiskCategories"] = new JsonObject { ["DiskCategories"] = new JsonArray("cloud_essd", "cloud_efficiency") },
        ["AvailableInstanceTypes"] = new JsonObject
        {
            ["InstanceTypes"] = new JsonArray([.. offerings.Where(o => o.Availability.Any(a => a.Zone == zone.Id)).Select(o => (JsonNode)o.Name)]),
        },
        ["RegionId"] = region,
    };

    public static JsonObject StockZone(string region, string zone, JsonArray supported) => new()
    {
        ["RegionId"] = region,
        ["ZoneId"] = zone,
        ["Status"] = "Available",
        ["StatusCategory"] = "WithStock",
        ["AvailableResources"] = new JsonObject
        {
            ["AvailableResource"] = new JsonArray(new JsonObject
            {
                ["Type"] = "InstanceType",
                ["SupportedResources"] = new JsonObject { ["SupportedResource"] = supported },
            }),
        },
    };

    public static JsonObject Supported(string type, bool withStock) => new()
    {
        ["Value"] = type,
        ["Status"] = withStock ? "Available" : "SoldOut",
        ["StatusCategory"] = withStock ? "WithStock" : "WithoutStock",
    };

    /// <summary>DescribePrice: the total includes a default system disk, as the real API's does.</summary>
    public static JsonObject Price(string currency, decimal instancePrice)
    {
        const decimal SystemDisk = 0.0125m;
        return new JsonObject
        {
            ["PriceInfo"] = new JsonObject
            {
                ["Price"] = new JsonObject
                {
                    ["Currency"] = currency,
                    ["OriginalPrice"] = instancePrice + SystemDisk,
                    ["DiscountPrice"] = 0m,
                    ["TradePrice"] = instancePrice + SystemDisk,
                    ["DetailInfos"] = new JsonObject
                    {
                        ["DetailInfo"] = new JsonArray(Detail("instanceType", instancePrice), Detail("systemDisk", SystemDisk)),
                    },
                },
                ["Rules"] = new JsonObject { ["Rule"] = new JsonArray() },
            },
        };
    }

    public static JsonObject SpotRow(string zone, string type, DateTimeOffset at, decimal price, decimal originPrice) => new()
    {
        ["ZoneId"] = zone,
        ["InstanceType"] = type,
        ["IoOptimized"] = "optimized",
        ["NetworkType"] = "vpc",
        ["Timestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["SpotPrice"] = price,
        ["OriginPrice"] = originPrice,
    };

    public static string CategoryName(InstanceCategory category) => category switch
    {
        InstanceCategory.General => "General-purpose",
        InstanceCategory.Compute => "Compute-optimized",
        InstanceCategory.Memory => "Memory-optimized",
        InstanceCategory.Gpu => "GPU-accelerated",
        InstanceCategory.Burstable => "Shared",
        InstanceCategory.BigData => "Big data",
        InstanceCategory.LocalSsd => "Local SSD",
        InstanceCategory.HighClockSpeed => "High Clock Speed",
        _ => "Other",
    };

    private static JsonObject Detail(string resource, decimal price) => new()
    {
        ["Resource"] = resource,
        ["OriginalPrice"] = price,
        ["DiscountPrice"] = 0m,
        ["TradePrice"] = price,
        ["SubRules"] = new JsonObject { ["Rule"] = new JsonArray() },
    };
}
