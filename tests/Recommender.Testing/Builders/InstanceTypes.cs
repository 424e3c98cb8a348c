using Recommender.Core.Catalog;

namespace Recommender.Testing.Builders;

/// <summary>
/// Builds instance offerings for tests and benchmarks. <see cref="New"/> starts from a small general-purpose x86 type
/// offered with stock in <see cref="DefaultZones"/>; options change one aspect each.
/// </summary>
public static class InstanceTypes
{
    public static readonly IReadOnlyList<string> DefaultZones = ["cn-test-a", "cn-test-b", "cn-test-c"];

    public static InstanceOffering New(string name, params InstanceTypeOption[] options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        var type = new InstanceType(
            Name: name,
            Family: FamilyOf(name),
            Category: InstanceCategory.General,
            Generation: 7,
            IsCurrentGeneration: true,
            Architecture: CpuArchitecture.X86,
            Vcpu: 2,
            MemoryGiB: 8,
            GpuCount: 0,
            GpuModel: null,
            GpuMemoryGiB: 0,
            NetworkBandwidthGbps: 2,
            PacketsPerSecond: 900_000,
            EniCount: 3,
            BurstBaselinePercent: null,
            LocalStorage: null);
        var offering = new InstanceOffering(
            type,
            PriceFromResources(type),
            [],
            [.. DefaultZones.Select(z => new ZoneAvailability(z, StockStatus.WithStock))]);
        foreach (var option in options)
        {
            offering = option(offering);
        }

        return offering;
    }

    /// <summary>A synthetic hourly price that grows with resources, so bigger types always cost more.</summary>
    public static decimal PriceFromResources(InstanceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var price = (type.Vcpu * 0.02m) + ((decimal)type.MemoryGiB * 0.004m) + (type.GpuCount * 1.1m)
            + ((type.LocalStorage?.TotalGiB ?? 0) * 0.00002m);
        return decimal.Round(price, 4);
    }

    /// <summary><c>ecs.g7.large</c> → <c>ecs.g7</c>.</summary>
    public static string FamilyOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    public static InstanceTypeOption WithResources(int vcpu, double memoryGiB) =>
        o => Reprice(o with { Type = o.Type with { Vcpu = vcpu, MemoryGiB = memoryGiB } });

    public static InstanceTypeOption WithCategory(InstanceCategory category) =>
        o => o with { Type = o.Type with { Category = category } };

    public static InstanceTypeOption WithGeneration(int generation, bool current = true) =>
        o => o with { Type = o.Type with { Generation = generation, IsCurrentGeneration = current } };

    public static InstanceTypeOption WithArchitecture(CpuArchitecture architecture) =>
        o => o with { Type = o.Type with { Architecture = architecture } };

    public static InstanceTypeOption WithGpus(int count, string model, double memoryGiBEach) =>
        o => Reprice(o with { Type = o.Type with { GpuCount = count, GpuModel = model, GpuMemoryGiB = memoryGiBEach } });

    public static InstanceTypeOption WithNetwork(double bandwidthGbps, long packetsPerSecond = 1_000_000, int eniCount = 3) =>
        o => o with
        {
            Type = o.Type with { NetworkBandwidthGbps = bandwidthGbps, PacketsPerSecond = packetsPerSecond, EniCount = eniCount },
        };

    public static InstanceTypeOption Burstable(double baselinePercent) =>
        o => o with { Type = o.Type with { BurstBaselinePercent = baselinePercent, Category = InstanceCategory.Burstable } };

    public static InstanceTypeOption WithLocalStorage(int disks, long diskSizeGiB, string kind = "local_ssd_pro") =>
        o => Reprice(o with { Type = o.Type with { LocalStorage = new LocalStorage(disks, diskSizeGiB, kind) } });

    /// <summary>Sets the on-demand price; apply after resource options (they recompute the price).</summary>
    public static InstanceTypeOption WithPrice(decimal onDemandHourly) => o => o with { OnDemandPrice = onDemandHourly };

    public static InstanceTypeOption WithSpotPrice(string zone, decimal price) =>
        o => o with { SpotPrices = [.. o.SpotPrices.Where(p => p.Zone != zone), new ZonePrice(zone, price)] };

    /// <summary>Offers the type only in <paramref name="zones"/>, with stock.</summary>
    public static InstanceTypeOption InZones(params string[] zones) =>
        o => o with { Availability = [.. zones.Select(z => new ZoneAvailability(z, StockStatus.WithStock))] };

    /// <summary>Keeps the type offered in <paramref name="zone"/> but without stock.</summary>
    public static InstanceTypeOption SoldOutIn(string zone) =>
        o => o with
        {
            Availability = [.. o.Availability.Select(a => a.Zone == zone ? a with { Status = StockStatus.SoldOut } : a)],
        };

    /// <summary>
    /// About 170 deterministic types over families that cover every filter dimension: general/compute/memory in three
    /// generations (one previous), Arm, high clock speed, burstable, GPU, big data and local SSD; spot in some zones,
    /// some zones sold out or not offering the type.
    /// </summary>
    public static IReadOnlyList<InstanceOffering> Assorted() => AssortedCatalog.Build(DefaultZones);

    /// <summary><paramref name="count"/> general-purpose types whose size grows linearly: ecs.lin.1x … ecs.lin.{count}x.</summary>
    public static IReadOnlyList<InstanceOffering> Linear(int count) =>
        [.. Enumerable.Range(1, count).Select(i => New($"ecs.lin.{i}x", WithResources(2 * i, 8 * i)))];

    private static InstanceOffering Reprice(InstanceOffering o) => o with { OnDemandPrice = PriceFromResources(o.Type) };
}
