using System.Globalization;
using Recommender.Alibaba.Catalog;
using Recommender.Core.Catalog;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// A generated, documented catalog (KWOK's approach): families are letter prefix × generation × suffix, each in
/// <see cref="Sizes"/>. vCPU:GiB ratio by prefix (c 1:2, g 1:4, r 1:8, hfc/hfg/hfr as c/g/r, i/d 1:4 with local
/// disks, gn 1:4 with 1 GPU per 8 vCPUs, t 1:1 burstable at 20 % baseline); suffix <c>y</c> is ARM. On-demand price =
/// vCPU × rate(prefix) + GiB × 0.004 (+ 0.9 per GPU), ARM 15 % cheaper; spot = on-demand × 0.30/0.33/0.36 per zone.
/// Stock: a type is sold out in a zone when a hash of (type, zone) is 0 mod 9, and absent from the last zone when it
/// is 0 mod 5. Spot prices exist only where the type has stock, so a scrape reproduces the seed exactly.
/// </summary>
public static class SyntheticCatalog
{
    public static readonly (string Suffix, int Vcpu)[] Sizes =
    [
        ("large", 2), ("xlarge", 4), ("2xlarge", 8), ("3xlarge", 12), ("4xlarge", 16), ("6xlarge", 24),
        ("8xlarge", 32), ("12xlarge", 48), ("16xlarge", 64), ("24xlarge", 96), ("32xlarge", 128),
    ];

    private static readonly string[] Prefixes = ["g", "c", "r", "hfc", "hfg", "hfr", "i", "d", "gn", "t"];
    private static readonly string[] Suffixes = ["", "a", "y", "i", "e", "ne"];

    /// <summary>Sample-like regions: a few regions with different type counts.</summary>
    public static IReadOnlyList<RegionCatalog> SampleRegions(DateTimeOffset at) =>
    [
        Region("cn-hangzhou", 180, 4, at),
        Region("cn-shanghai", 150, 3, at),
        Region("ap-southeast-1", 120, 3, at),
        Region("eu-central-1", 90, 2, at),
        Region("us-west-1", 60, 2, at),
    ];

    public static RegionCatalog Region(string regionId, int typeCount, int zoneCount, DateTimeOffset at)
    {
        var zones = Enumerable.Range(0, zoneCount).Select(i => new Zone($"{regionId}-{(char)('a' + i)}", $"{regionId} zone {(char)('A' + i)}")).ToList();
        var offerings = Types().Take(typeCount).Select(t => Offer(t, zones)).ToList();
        return new RegionCatalog(KnownProviders.Alibaba.Id, new Region(regionId, $"Synthetic {regionId}", zones), "USD", CatalogSource.Snapshot, at, at.ToUnixTimeMilliseconds(), offerings);
    }

    /// <summary>An endless, deterministic sequence of instance types (generation 9 first, so current ones dominate).</summary>
    public static IEnumerable<InstanceType> Types()
    {
        for (var generation = 9; generation >= 1; generation--)
        {
            foreach (var suffix in Suffixes)
            {
                foreach (var prefix in Prefixes)
                {
                    var family = $"ecs.{prefix}{generation.ToString(CultureInfo.InvariantCulture)}{suffix}";
                    foreach (var (size, vcpu) in Sizes)
                    {
                        yield return Type(family, prefix, suffix, $"{family}.{size}", vcpu);
                    }
                }
            }
        }
    }

    private static InstanceType Type(string family, string prefix, string suffix, string name, int vcpu)
    {
        var ratio = prefix switch { "c" or "hfc" => 2, "r" or "hfr" => 8, "t" => 1, _ => 4 };
        var gpus = prefix == "gn" ? Math.Max(1, vcpu / 8) : 0;
        var category = FamilyTable.Category(family);
        return new InstanceType(
            name,
            family,
            category,
            FamilyTable.Generation(family),
            FamilyTable.IsCurrentGeneration(family),
            suffix == "y" ? CpuArchitecture.Arm : CpuArchitecture.X86,
            vcpu,
            vcpu * ratio,
            gpus,
            gpus > 0 ? "NVIDIA A10" : null,
            gpus > 0 ? 24 : 0,
            Math.Min(vcpu, 64) * 0.5,
            Math.Min(vcpu, 64) * 50_000L,
            Math.Clamp(vcpu / 2, 2, 15),
            prefix == "t" ? 20 : null,
            prefix switch
            {
                "i" => new LocalStorage(Math.Max(1, vcpu / 8), 894, "local_ssd_pro"),
                "d" => new LocalStorage(Math.Max(1, vcpu / 4), 5905, "local_hdd_pro"),
                _ => null,
            });
    }

    private static InstanceOffering Offer(InstanceType type, IReadOnlyList<Zone> zones)
    {
        var rate = type.Category switch
        {
            InstanceCategory.Compute => 0.035m,
            InstanceCategory.Memory => 0.05m,
            InstanceCategory.HighClockSpeed => 0.055m,
            InstanceCategory.Burstable => 0.012m,
            _ => 0.042m,
        };
        var price = (type.Vcpu * rate) + ((decimal)type.MemoryGiB * 0.004m) + (type.GpuCount * 0.9m);
        if (type.Architecture == CpuArchitecture.Arm)
        {
            price *= 0.85m;
        }

        price = Math.Round(price, 4);
        var availability = new List<ZoneAvailability>();
        var spot = new List<ZonePrice>();
        for (var i = 0; i < zones.Count; i++)
        {
            var hash = StableHash(type.Name + zones[i].Id);
            if (i == zones.Count - 1 && zones.Count > 1 && hash % 5 == 0)
            {
                continue;
            }

            var status = hash % 9 == 0 ? StockStatus.SoldOut : StockStatus.WithStock;
            availability.Add(new ZoneAvailability(zones[i].Id, status));
            if (status == StockStatus.WithStock)
            {
                spot.Add(new ZonePrice(zones[i].Id, Math.Round(price * (0.30m + (0.03m * (i % 3))), 4)));
            }
        }

        return new InstanceOffering(type, price, spot, availability);
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
