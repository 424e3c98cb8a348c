using Recommender.Core.Catalog;
using Recommender.Testing.Builders;

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
        var stock = stockIn ?? zones;
        var options = new List<InstanceTypeOption>
        {
            InstanceTypes.WithResources(vcpu, memoryGiB),
            InstanceTypes.WithCategory(category),
            InstanceTypes.WithGeneration(7, currentGen),
            InstanceTypes.WithArchitecture(architecture),
            InstanceTypes.WithNetwork(bandwidthGbps, 1_000_000, 4),
            InstanceTypes.InZones(zones),
        };
        if (gpus > 0)
        {
            options.Add(InstanceTypes.WithGpus(gpus, gpuModel ?? "T4", 16));
        }

        options.Add(InstanceTypes.WithPrice(price)); // after the resource options, which reprice
        options.Add(o => o with { Type = o.Type with { Family = family ?? InstanceTypes.FamilyOf(name), BurstBaselinePercent = burstBaseline } });
        options.AddRange(zones.Where(z => !stock.Contains(z)).Select(InstanceTypes.SoldOutIn));
        var spotPrices = spotByZone ?? (spot is { } s ? [.. zones.Select(z => (z, s))] : []);
        options.AddRange(spotPrices.Select(p => InstanceTypes.WithSpotPrice(p.Zone, p.Price)));
        offerings.Add(InstanceTypes.New(name, [.. options]));
        return this;
    }

    public RegionCatalog Build() => CatalogBuilder.Region(offerings, Region, provider, zones, updatedAt: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), version: 1);
}
