using Recommender.Core.Catalog;

namespace Recommender.Solver.Tests;

/// <summary>Small hand-made region catalogs: every type in stock in every zone unless said otherwise.</summary>
public sealed class TestCatalog
{
    public const string Region = "test-1";

    private readonly List<InstanceOffering> offerings = [];
    private readonly string[] zones;
    private readonly string provider;

    public TestCatalog(string provider = "alibaba", params string[] zones)
    {
        this.provider = provider;
        this.zones = zones.Length == 0 ? ["test-1a", "test-1b"] : zones;
    }

    public IReadOnlyList<string> Zones => zones;

    /// <param name="spot">Spot price in every zone; null = no spot. <paramref name="spotByZone"/> overrides per zone.</param>
    public TestCatalog Add(
        string name,
        int vcpu,
        double memoryGiB,
        decimal price,
        decimal? spot = null,
        int gpus = 0,
        string? gpuModel = null,
        InstanceCategory category = InstanceCategory.General,
        CpuArchitecture architecture = CpuArchitecture.X86,
        double bandwidthGbps = 5,
        bool currentGen = true,
        double? burstBaseline = null,
        string[]? stockIn = null,
        (string Zone, decimal Price)[]? spotByZone = null,
        string? family = null)
    {
        var type = new InstanceType(
            name,
            family ?? name[..name.LastIndexOf('.')],
            category,
            7,
            currentGen,
            architecture,
            vcpu,
            memoryGiB,
            gpus,
            gpus > 0 ? gpuModel ?? "T4" : null,
            gpus > 0 ? 16 : 0,
            bandwidthGbps,
            1_000_000,
            4,
            burstBaseline,
            null);
        var stock = stockIn ?? zones;
        var spotPrices = spotByZone is not null
            ? spotByZone.Select(z => new ZonePrice(z.Zone, z.Price)).ToList()
            : spot is { } s ? zones.Select(z => new ZonePrice(z, s)).ToList() : [];
        var availability = zones.Select(z => new ZoneAvailability(z, stock.Contains(z) ? StockStatus.WithStock : StockStatus.SoldOut)).ToList();
        offerings.Add(new InstanceOffering(type, price, spotPrices, availability));
        return this;
    }

    public RegionCatalog Build() => new(
        provider,
        new Region(Region, "Test region", [.. zones.Select(z => new Zone(z, z))]),
        "USD",
        CatalogSource.Snapshot,
        new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        1,
        [.. offerings]);
}
