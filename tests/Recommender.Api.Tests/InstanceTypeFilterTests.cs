using System.Text.Json;
using Recommender.Core.Catalog;

namespace Recommender.Api.Tests;

/// <summary>Each filter against the same criterion computed over the builder data; each fails if the filter is ignored.</summary>
[Collection(ApiCollection.Name)]
public sealed class InstanceTypeFilterTests(ApiFactory api)
{
    private const string Query = """
        query ($filter: InstanceTypeFilter) {
          instanceTypes(provider: "alibaba", region: "cn-test", filter: $filter, first: 500, orderBy: { field: NAME }) {
            totalCount nodes { name }
          }
        }
        """;

    public static TheoryData<string, string> Filters => new()
    {
        { "vcpu", """{ "vcpu": { "min": 8, "max": 16 } }""" },
        { "vcpuMinOnly", """{ "vcpu": { "min": 64 } }""" },
        { "memoryGiB", """{ "memoryGiB": { "min": 0.5, "max": 4 } }""" },
        { "gpuCount", """{ "gpuCount": { "min": 2 } }""" },
        { "gpuModel", """{ "gpuModel": "nvidia a10" }""" },
        { "families", """{ "families": ["ecs.g7", "ecs.c8y"] }""" },
        { "categories", """{ "categories": ["MEMORY", "BIG_DATA"] }""" },
        { "networkPerformance", """{ "networkPerformance": ["LOW"] }""" },
        { "burstableTrue", """{ "burstable": true }""" },
        { "burstableFalse", """{ "burstable": false }""" },
        { "currentGeneration", """{ "currentGeneration": false }""" },
        { "architectures", """{ "architectures": ["ARM"] }""" },
        { "zone", """{ "zone": "cn-test-b" }""" },
        { "availableInZone", """{ "availableInZone": "cn-test-c" }""" },
        { "maxPrice", """{ "maxPrice": 0.25 }""" },
        { "combined", """{ "vcpu": { "max": 32 }, "architectures": ["X86"], "availableInZone": "cn-test-c", "maxPrice": 0.5 }""" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filter_returns_exactly_the_matching_types(string name, string filterJson)
    {
        var all = api.Catalog.Regions[0].InstanceTypes;
        var expected = all.Where(Predicate(name)).Select(o => o.Name).Order(StringComparer.Ordinal).ToList();

        var r = await api.PostAsync(Query, new { filter = JsonDocument.Parse(filterJson).RootElement });

        var page = r.Data.GetProperty("instanceTypes");
        var actual = page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count, $"filter {name} should exclude something in the test data");
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count, page.GetProperty("totalCount").GetInt32());
    }

    private static Func<InstanceOffering, bool> Predicate(string name) => name switch
    {
        "vcpu" => o => o.Type.Vcpu is >= 8 and <= 16,
        "vcpuMinOnly" => o => o.Type.Vcpu >= 64,
        "memoryGiB" => o => o.Type.MemoryGiB is >= 0.5 and <= 4,
        "gpuCount" => o => o.Type.GpuCount >= 2,
        "gpuModel" => o => o.Type.GpuModel == "NVIDIA A10",
        "families" => o => o.Type.Family is "ecs.g7" or "ecs.c8y",
        "categories" => o => o.Type.Category is InstanceCategory.Memory or InstanceCategory.BigData,
        "networkPerformance" => o => o.Type.NetworkPerformance == NetworkPerformance.Low,
        "burstableTrue" => o => o.Type.IsBurstable,
        "burstableFalse" => o => !o.Type.IsBurstable,
        "currentGeneration" => o => !o.Type.IsCurrentGeneration,
        "architectures" => o => o.Type.Architecture == CpuArchitecture.Arm,
        "zone" => o => o.Availability.Any(a => a.Zone == "cn-test-b"),
        "availableInZone" => o => o.HasStockIn("cn-test-c"),
        "maxPrice" => o => o.OnDemandPrice <= 0.25m,
        "combined" => o => o.Type.Vcpu <= 32 && o.Type.Architecture == CpuArchitecture.X86 && o.HasStockIn("cn-test-c") && o.OnDemandPrice <= 0.5m,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [InlineData("""{ "vcpu": { "min": 16, "max": 8 } }""", "filter.vcpu")]
    [InlineData("""{ "vcpu": { "min": -1 } }""", "filter.vcpu")]
    [InlineData("""{ "memoryGiB": { "min": 64, "max": 2 } }""", "filter.memoryGiB")]
    [InlineData("""{ "gpuCount": { "max": -2 } }""", "filter.gpuCount")]
    [InlineData("""{ "maxPrice": -0.1 }""", "filter.maxPrice")]
    [InlineData("""{ "zone": "cn-test-z" }""", "filter.zone")]
    [InlineData("""{ "availableInZone": "cn-other-a" }""", "filter.availableInZone")]
    public async Task Invalid_filters_are_bad_user_input_naming_the_argument(string filterJson, string argument)
    {
        var r = await api.PostAsync(Query, new { filter = JsonDocument.Parse(filterJson).RootElement });

        Assert.Equal(200, r.Status);
        Assert.Equal("BAD_USER_INPUT", r.ErrorCode);
        Assert.Equal(argument, r.FirstError.GetProperty("extensions").GetProperty("argument").GetString());
        Assert.StartsWith(argument + ":", r.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
