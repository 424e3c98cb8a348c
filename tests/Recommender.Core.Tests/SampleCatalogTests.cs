using System.Text.Json;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;
using Recommender.SampleCatalogGen;

namespace Recommender.Core.Tests;

/// <summary>The shipped sample catalog embedded in Recommender.Core: its shape, its invariants and its generator.</summary>
public sealed class SampleCatalogTests
{
    private const string ResourceName = "alibaba-sample.generated.json";

    private static readonly byte[] Embedded = ReadEmbedded();
    private static readonly CatalogDocument Document =
        JsonSerializer.Deserialize(Embedded, CatalogJson.Default.CatalogDocument) ?? throw new JsonException("null document");

    private static IEnumerable<InstanceOffering> AllOfferings => Document.Regions.SelectMany(r => r.InstanceTypes);

    [Fact]
    public void Embedded_file_is_exactly_what_the_generator_produces()
    {
        var regenerated = SampleCatalog.ToUtf8Json(SampleCatalog.Build(SampleCatalog.DefaultAsOf));

        var firstDifference = FirstDifference(regenerated, Embedded);
        Assert.True(firstDifference < 0,
            $"The committed {ResourceName} differs from the generator's output at byte {firstDifference}. Regenerate it with: "
            + "dotnet run --project tools/Recommender.SampleCatalogGen -c Release -- "
            + "src/Recommender.Core/Catalog/Sample/alibaba-sample.generated.json");
    }

    [Fact]
    public void Catalog_json_reads_the_file_back_without_loss()
    {
        var rewritten = SampleCatalog.ToUtf8Json(Document);

        Assert.Equal(-1, FirstDifference(rewritten, Embedded));
    }

    [Fact]
    public void Header_says_where_the_data_comes_from()
    {
        var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(CatalogDocument.CurrentFormat, Document.Format);
        Assert.Equal(asOf, Document.GeneratedAt);
        Assert.Contains("PRICES ARE INDICATIVE", Document.Notice, StringComparison.Ordinal);
        Assert.Contains("as of 2026-11-01", Document.Notice, StringComparison.Ordinal);
        Assert.Contains("documented", Document.Notice, StringComparison.Ordinal);
        Assert.Equal([KnownProviders.Alibaba], Document.Providers);
        Assert.All(Document.Regions, r =>
        {
            Assert.Equal(KnownProviders.Alibaba.Id, r.Provider);
            Assert.Equal("USD", r.Currency);
            Assert.Equal(CatalogSource.Snapshot, r.Source);
            Assert.Equal(asOf, r.UpdatedAt);
            Assert.Equal(asOf.ToUnixTimeMilliseconds(), r.Version);
        });
    }

    [Fact]
    public void Has_at_least_six_regions_each_with_at_least_150_types()
    {
        Assert.True(Document.Regions.Count >= 6, $"{Document.Regions.Count} regions");
        Assert.Equal(Document.Regions.Count, Document.Regions.Select(r => r.Region.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Document.Regions, r => Assert.True(r.InstanceTypes.Count >= 150, $"{r.Region.Id}: {r.InstanceTypes.Count} types"));
    }

    [Fact]
    public void Regions_do_not_all_sell_the_same_families()
    {
        var familySets = Document.Regions
            .Select(r => string.Join(',',
                r.InstanceTypes.Select(o => o.Type.Family).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))
            .Distinct(StringComparer.Ordinal);

        Assert.True(familySets.Count() > 1);
    }

    [Fact]
    public void Type_names_are_unique_within_each_region()
    {
        Assert.All(Document.Regions, r =>
        {
            var duplicates = r.InstanceTypes.GroupBy(o => o.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
            Assert.Empty(duplicates);
        });
    }

    [Theory]
    [InlineData("ecs.g7", "ecs.c7", "ecs.r7", "ecs.g8i", "ecs.c8i", "ecs.r8i", "ecs.g7a", "ecs.c7a", "ecs.r7a")]
    [InlineData("ecs.g8y", "ecs.c8y", "ecs.r8y", "ecs.u1", "ecs.t6", "ecs.t5", "ecs.hfc7", "ecs.hfg7")]
    [InlineData("ecs.gn6i", "ecs.gn6v", "ecs.gn7i", "ecs.gn7", "ecs.d1ne", "ecs.d2s", "ecs.i3", "ecs.i2")]
    [InlineData("ecs.g6", "ecs.c6", "ecs.r6", "ecs.g5", "ecs.c5", "ecs.r5", "ecs.sn1ne", "ecs.sn2ne")]
    public void Every_listed_family_is_present_somewhere(params string[] families)
    {
        var present = AllOfferings.Select(o => o.Type.Family).ToHashSet(StringComparer.Ordinal);

        Assert.All(families, f => Assert.Contains(f, present));
    }

    [Fact]
    public void Every_family_group_is_represented()
    {
        var types = AllOfferings.Select(o => o.Type).ToList();

        Assert.Contains(types, t => t.Category == InstanceCategory.Gpu);
        Assert.Contains(types, t => t.Architecture == CpuArchitecture.Arm);
        Assert.Contains(types, t => t.Category == InstanceCategory.Burstable);
        Assert.Contains(types, t => !t.IsCurrentGeneration);
        Assert.Contains(types, t => t.Category == InstanceCategory.BigData && t.LocalStorage?.Kind == "local_hdd_pro");
        Assert.Contains(types, t => t.Category == InstanceCategory.LocalSsd && t.LocalStorage?.Kind == "local_ssd_pro");
        Assert.Contains(types, t => t.Category == InstanceCategory.HighClockSpeed);
        Assert.Contains(types, t => t.Category == InstanceCategory.Memory);
        Assert.Contains(types, t => t.Category == InstanceCategory.Compute);
    }

    [Theory]
    [InlineData("ecs.g7", 4)]
    [InlineData("ecs.c7", 2)]
    [InlineData("ecs.r7", 8)]
    [InlineData("ecs.g8i", 4)]
    [InlineData("ecs.c8y", 2)]
    [InlineData("ecs.r7a", 8)]
    [InlineData("ecs.g6", 4)]
    public void Family_keeps_its_memory_ratio(string family, double gibPerVcpu)
    {
        var types = AllOfferings.Select(o => o.Type).Where(t => t.Family == family).ToList();

        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal(gibPerVcpu, t.MemoryGiB / t.Vcpu));
    }

    [Fact]
    public void A_type_has_the_same_hardware_in_every_region()
    {
        var byName = AllOfferings.GroupBy(o => o.Name, StringComparer.Ordinal);

        Assert.All(byName, g => Assert.Single(g.Select(o => o.Type).Distinct()));
    }

    [Fact]
    public void Hardware_figures_are_positive()
    {
        Assert.All(AllOfferings.Select(o => o.Type), t =>
        {
            Assert.True(t.Vcpu > 0 && t.MemoryGiB > 0 && t.NetworkBandwidthGbps > 0, t.Name);
            Assert.True(t.PacketsPerSecond > 0 && t.EniCount > 0, t.Name);
            Assert.StartsWith(t.Family + ".", t.Name.Replace('-', '.'), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void On_demand_prices_are_positive()
    {
        Assert.All(AllOfferings, o => Assert.True(o.OnDemandPrice > 0, o.Name));
    }

    [Fact]
    public void Spot_prices_are_cheaper_than_on_demand_and_only_in_zones_that_offer_the_type()
    {
        Assert.All(Document.Regions, r => Assert.All(r.InstanceTypes, o =>
        {
            Assert.Equal(o.SpotPrices.Count, o.SpotPrices.Select(p => p.Zone).Distinct(StringComparer.Ordinal).Count());
            Assert.All(o.SpotPrices, p =>
            {
                Assert.True(r.HasZone(p.Zone), $"{r.Region.Id} {o.Name}: unknown zone {p.Zone}");
                Assert.Contains(o.Availability, a => a.Zone == p.Zone);
                Assert.True(p.Price > 0 && p.Price < o.OnDemandPrice, $"{r.Region.Id} {o.Name} {p.Zone}: {p.Price}");
            });
        }));
    }

    [Fact]
    public void Spot_prices_stay_within_the_documented_discount_band()
    {
        // The model quotes 10% to 45% of on-demand; rounding to 4 decimals may move a price by half a step.
        const decimal halfStep = 0.00005m;
        Assert.All(AllOfferings, o => Assert.All(o.SpotPrices, p =>
            Assert.InRange(p.Price, (o.OnDemandPrice * 0.10m) - halfStep, (o.OnDemandPrice * 0.45m) + halfStep)));
    }

    [Fact]
    public void Mainland_china_is_cheaper_than_europe_and_the_us()
    {
        var hangzhou = Document.Regions.Single(r => r.Region.Id == "cn-hangzhou");
        var elsewhere = Document.Regions.Where(r => r.Region.Id is "eu-central-1" or "us-west-1").ToList();

        Assert.Equal(2, elsewhere.Count);
        Assert.All(elsewhere, r => Assert.All(r.InstanceTypes, o =>
        {
            if (hangzhou.Find(o.Name) is { } local)
            {
                Assert.True(local.OnDemandPrice < o.OnDemandPrice,
                    $"{o.Name}: {local.OnDemandPrice} vs {o.OnDemandPrice} in {r.Region.Id}");
            }
        }));
    }

    [Fact]
    public void Availability_names_zones_of_the_region_once_each()
    {
        Assert.All(Document.Regions, r => Assert.All(r.InstanceTypes, o =>
        {
            Assert.NotEmpty(o.Availability);
            Assert.Equal(o.Availability.Count, o.Availability.Select(a => a.Zone).Distinct(StringComparer.Ordinal).Count());
            Assert.All(o.Availability, a => Assert.True(r.HasZone(a.Zone), $"{r.Region.Id} {o.Name}: unknown zone {a.Zone}"));
        }));
    }

    [Fact]
    public void Stock_and_spot_vary_like_a_real_catalog()
    {
        var offerings = AllOfferings.ToList();

        Assert.Contains(offerings, o => o.Availability.Any(a => a.Status == StockStatus.SoldOut));
        Assert.Contains(Document.Regions, r => r.InstanceTypes.Any(o => o.Availability.Count < r.Region.Zones.Count));
        Assert.Contains(offerings, o => o.Type.GpuCount > 0 && o.SpotPrices.Count < o.Availability.Count);
        Assert.Contains(offerings, o => o.Type.LocalStorage is not null && o.SpotPrices.Count < o.Availability.Count);
        Assert.Contains(offerings, o => o.SpotPrices.Select(p => p.Price).Distinct().Count() > 1);
    }

    [Fact]
    public void Only_gpu_types_describe_gpus()
    {
        Assert.All(AllOfferings.Select(o => o.Type), t =>
        {
            if (t.Category == InstanceCategory.Gpu)
            {
                Assert.True(t.GpuCount > 0, t.Name);
                Assert.False(string.IsNullOrEmpty(t.GpuModel), t.Name);
                Assert.True(t.GpuMemoryGiB > 0, t.Name);
            }
            else
            {
                Assert.Equal(0, t.GpuCount);
                Assert.Null(t.GpuModel);
                Assert.Equal(0, t.GpuMemoryGiB);
            }
        });
    }

    [Fact]
    public void Only_burstable_types_have_a_cpu_baseline()
    {
        Assert.All(AllOfferings.Select(o => o.Type), t =>
        {
            Assert.Equal(t.Category == InstanceCategory.Burstable, t.IsBurstable);
            if (t.BurstBaselinePercent is { } baseline)
            {
                Assert.InRange(baseline, 1, 100);
            }
        });
    }

    private static byte[] ReadEmbedded()
    {
        using var stream = typeof(CatalogJson).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"{ResourceName} is not embedded in Recommender.Core");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Index of the first differing byte, or -1 when the arrays are equal.</summary>
    private static int FirstDifference(byte[] expected, byte[] actual)
    {
        var common = expected.AsSpan().CommonPrefixLength(actual);
        return common == expected.Length && common == actual.Length ? -1 : common;
    }
}
