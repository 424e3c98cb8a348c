using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>Malformed input throws BAD_USER_INPUT naming the field.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string, LayoutRequest> BadRequests()
    {
        var ok = Layouts.Request(4, 8);
        return new()
        {
            { "cpu", ok with { Cpu = 0, MemoryGiB = 0 } },
            { "cpu", ok with { Cpu = -1 } },
            { "cpu", ok with { Cpu = 10_000_000 } },
            { "cpu", ok with { Cpu = double.NaN } },
            { "memoryGiB", ok with { MemoryGiB = -0.5 } },
            { "memoryGiB", ok with { MemoryGiB = 1e9 } },
            { "gpus", ok with { Gpus = -1 } },
            { "minNodes", ok with { MinNodes = 5, MaxNodes = 4 } },
            { "minNodes", ok with { MinNodes = 0 } },
            { "maxNodes", ok with { MaxNodes = 100_000 } },
            { "onDemandPct", ok with { OnDemandPct = 101 } },
            { "onDemandPct", ok with { OnDemandPct = -1 } },
            { "zones", ok with { Zones = ["test-1z"] } },
            { "includes", ok with { Includes = ["ecs.zz9"] } },
            { "excludes", ok with { Excludes = ["ecs.g7.huge"] } },
            { "alternatives", ok with { Alternatives = 11 } },
            { "alternatives", ok with { Alternatives = 0 } },
            { "maxPools", ok with { MaxPools = 0 } },
            { "spotDiversity", ok with { SpotDiversity = 0 } },
            { "gpuModel", ok with { GpuModel = "H100" } },
            { "largestPod.cpu", ok with { LargestPod = new PodSize(-1, 1) } },
            { "largestPod.gpus", ok with { LargestPod = new PodSize(1, 1, -2) } },
            { "zones", ok with { Zones = [.. Enumerable.Repeat("test-1a", 501)] } },
        };
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Bad_input_names_the_field(string field, LayoutRequest request)
    {
        var catalog = new TestCatalog().Add("ecs.g7.xlarge", 4, 16, 0.2m).Build();
        var e = Assert.Throws<ValidationException>(() => Layouts.CpSat.Recommend(request, catalog));
        Assert.Equal(field, e.Argument);
        Assert.Equal("BAD_USER_INPUT", e.Code);
    }

    [Fact]
    public void Families_and_zones_that_exist_are_accepted()
    {
        var catalog = new TestCatalog().Add("ecs.g7.xlarge", 4, 16, 0.2m).Build();
        var answer = Layouts.CpSat.Recommend(Layouts.Request(4, 0) with { Includes = ["ecs.g7"], Zones = ["test-1a"] }, catalog);
        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
    }
}
