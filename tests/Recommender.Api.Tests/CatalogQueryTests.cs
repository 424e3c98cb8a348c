using System.Text.Json;
using Recommender.Core.Catalog;

namespace Recommender.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CatalogQueryTests(ApiFactory api)
{
    private IReadOnlyList<InstanceOffering> All => api.Catalog.Regions[0].InstanceTypes;

    [Fact]
    public async Task Providers_list_their_regions()
    {
        var r = await api.PostAsync("{ providers { id name regions { id } } }");

        var provider = Assert.Single(r.Data.GetProperty("providers").EnumerateArray());
        Assert.Equal("Alibaba Cloud", provider.GetProperty("name").GetString());
        Assert.Equal(["cn-other", "cn-test"], provider.GetProperty("regions").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Regions_have_zones()
    {
        var r = await api.PostAsync("""{ regions(provider: "alibaba") { id name zones { id name } } }""");

        var test = r.Data.GetProperty("regions").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "cn-test");
        Assert.Equal("Region cn-test", test.GetProperty("name").GetString());
        Assert.Equal(["cn-test-a", "cn-test-b", "cn-test-c"], test.GetProperty("zones").EnumerateArray().Select(z => z.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("""{ regions(provider: "aws") { id } }""", "provider", "aws")]
    [InlineData("""{ instanceTypes(provider: "aws", region: "cn-test") { totalCount } }""", "provider", "aws")]
    [InlineData("""{ instanceTypes(provider: "alibaba", region: "eu-nowhere") { totalCount } }""", "region", "eu-nowhere")]
    [InlineData("""{ instanceType(provider: "alibaba", region: "eu-nowhere", name: "ecs.g7.large") { name } }""", "region", "eu-nowhere")]
    [InlineData("""{ instanceType(provider: "alibaba", region: "cn-test", name: "ecs.zz9.huge") { name } }""", "instance type", "ecs.zz9.huge")]
    public async Task Unknown_names_are_not_found_naming_them(string query, string kind, string name)
    {
        var r = await api.PostAsync(query);

        Assert.Equal(200, r.Status);
        Assert.Equal("NOT_FOUND", r.ErrorCode);
        Assert.Equal($"Unknown {kind} '{name}'.", r.FirstError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Instance_type_exposes_every_field()
    {
        var r = await api.PostAsync("""
            { instanceType(provider: "alibaba", region: "cn-test", name: "ecs.d2s.4xlarge") {
                name family category generation currentGeneration architecture vcpu sustainedVcpu memoryGiB gpuCount gpuModel gpuMemoryGiB
                networkBandwidthGbps networkPerformance packetsPerSecond eniCount burstable burstBaselinePercent
                localStorage { disks diskSizeGiB kind totalGiB } onDemandPrice pricePerVcpu currency
                spotPrices { zone price } availability { zone status } } }
            """);

        var t = r.Data.GetProperty("instanceType");
        var expected = All.Single(o => o.Name == "ecs.d2s.4xlarge");
        Assert.Equal("ecs.d2s", t.GetProperty("family").GetString());
        Assert.Equal("BIG_DATA", t.GetProperty("category").GetString());
        Assert.Equal(7, t.GetProperty("generation").GetInt32());
        Assert.True(t.GetProperty("currentGeneration").GetBoolean());
        Assert.Equal("X86", t.GetProperty("architecture").GetString());
        Assert.Equal(16, t.GetProperty("vcpu").GetInt32());
        Assert.Equal(16, t.GetProperty("sustainedVcpu").GetDouble());
        Assert.Equal(64, t.GetProperty("memoryGiB").GetDouble());
        Assert.Equal(0, t.GetProperty("gpuCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, t.GetProperty("gpuModel").ValueKind);
        Assert.Equal(16.0, t.GetProperty("networkBandwidthGbps").GetDouble());
        Assert.Equal("HIGH", t.GetProperty("networkPerformance").GetString());
        Assert.Equal(expected.Type.PacketsPerSecond, t.GetProperty("packetsPerSecond").GetInt64());
        Assert.Equal(expected.Type.EniCount, t.GetProperty("eniCount").GetInt32());
        Assert.False(t.GetProperty("burstable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, t.GetProperty("burstBaselinePercent").ValueKind);
        var storage = t.GetProperty("localStorage");
        Assert.Equal(8, storage.GetProperty("disks").GetInt32());
        Assert.Equal(7300, storage.GetProperty("diskSizeGiB").GetInt64());
        Assert.Equal("local_hdd_pro", storage.GetProperty("kind").GetString());
        Assert.Equal(58400, storage.GetProperty("totalGiB").GetInt64());
        Assert.Equal(expected.OnDemandPrice, t.GetProperty("onDemandPrice").GetDecimal());
        Assert.Equal(decimal.Round(expected.OnDemandPrice / 16, 6), t.GetProperty("pricePerVcpu").GetDecimal());
        Assert.Equal("USD", t.GetProperty("currency").GetString());
        Assert.Equal(expected.SpotPrices.Select(p => (p.Zone, p.Price)),
            t.GetProperty("spotPrices").EnumerateArray().Select(p => (p.GetProperty("zone").GetString()!, p.GetProperty("price").GetDecimal())));
        Assert.Equal(expected.Availability.Select(a => (a.Zone, a.Status == StockStatus.WithStock ? "WITH_STOCK" : "SOLD_OUT")),
            t.GetProperty("availability").EnumerateArray().Select(a => (a.GetProperty("zone").GetString()!, a.GetProperty("status").GetString()!)));
    }

    [Fact]
    public async Task Instance_types_show_the_vcpu_each_type_sustains()
    {
        var r = await api.PostAsync("""
            { instanceTypes(provider: "alibaba", region: "cn-test", first: 500) { nodes { name vcpu sustainedVcpu burstBaselinePercent } } }
            """);

        var nodes = r.Data.GetProperty("instanceTypes").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(All.Count, nodes.Count);
        Assert.Contains(nodes, n => n.GetProperty("burstBaselinePercent").ValueKind == JsonValueKind.Number);
        foreach (var n in nodes)
        {
            var vcpu = n.GetProperty("vcpu").GetInt32();
            var expected = n.GetProperty("burstBaselinePercent") is { ValueKind: JsonValueKind.Number } p ? vcpu * p.GetDouble() / 100 : vcpu;
            Assert.Equal(expected, n.GetProperty("sustainedVcpu").GetDouble(), 9);
        }
    }

    [Fact]
    public async Task Burstable_and_gpu_fields()
    {
        var r = await api.PostAsync("""
            { t: instanceType(provider: "alibaba", region: "cn-test", name: "ecs.t6-c1m1.large") { burstable burstBaselinePercent vcpu sustainedVcpu category localStorage { disks } }
              g: instanceType(provider: "alibaba", region: "cn-test", name: "ecs.gn7i-c8g1.32xlarge") { gpuCount gpuModel gpuMemoryGiB } }
            """);

        Assert.True(r.Data.GetProperty("t").GetProperty("burstable").GetBoolean());
        Assert.Equal(20, r.Data.GetProperty("t").GetProperty("burstBaselinePercent").GetDouble());
        Assert.Equal((2, 0.4), (r.Data.GetProperty("t").GetProperty("vcpu").GetInt32(), r.Data.GetProperty("t").GetProperty("sustainedVcpu").GetDouble()));
        Assert.Equal("BURSTABLE", r.Data.GetProperty("t").GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, r.Data.GetProperty("t").GetProperty("localStorage").ValueKind);
        Assert.Equal(4, r.Data.GetProperty("g").GetProperty("gpuCount").GetInt32());
        Assert.Equal("NVIDIA A10", r.Data.GetProperty("g").GetProperty("gpuModel").GetString());
        Assert.Equal(24, r.Data.GetProperty("g").GetProperty("gpuMemoryGiB").GetDouble());
    }

    [Theory]
    [InlineData("PRICE", "ASC")]
    [InlineData("PRICE", "DESC")]
    [InlineData("PRICE_PER_VCPU", "ASC")]
    [InlineData("PRICE_PER_VCPU", "DESC")]
    [InlineData("NAME", "ASC")]
    [InlineData("NAME", "DESC")]
    public async Task Ordering_follows_order_by(string field, string direction)
    {
        var r = await api.PostAsync($$"""
            { instanceTypes(provider: "alibaba", region: "cn-test", first: 500, orderBy: { field: {{field}}, direction: {{direction}} }) {
                nodes { name } } }
            """);

        IEnumerable<InstanceOffering> ordered = field switch
        {
            "PRICE" => All.OrderBy(o => o.OnDemandPrice).ThenBy(o => o.Name, StringComparer.Ordinal),
            "PRICE_PER_VCPU" => All.OrderBy(o => decimal.Round(o.OnDemandPrice / o.Type.Vcpu, 6)).ThenBy(o => o.Name, StringComparer.Ordinal),
            _ => All.OrderBy(o => o.Name, StringComparer.Ordinal),
        };
        var expected = ordered.Select(o => o.Name).ToList();
        if (direction == "DESC")
        {
            expected.Reverse();
        }

        Assert.Equal(expected, Names(r.Data.GetProperty("instanceTypes")));
    }

    [Fact]
    public async Task Default_order_is_price_ascending_and_default_page_is_50()
    {
        var r = await api.PostAsync("""{ instanceTypes(provider: "alibaba", region: "cn-test") { totalCount nodes { name } } }""");

        var page = r.Data.GetProperty("instanceTypes");
        Assert.Equal(All.Count, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(All.OrderBy(o => o.OnDemandPrice).ThenBy(o => o.Name, StringComparer.Ordinal).Take(50).Select(o => o.Name), Names(page));
    }

    private static List<string> Names(JsonElement connection) =>
        [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!)];
}
