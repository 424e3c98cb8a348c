using Recommender.Core.Errors;
using Recommender.Core.Recommendations;
using Recommender.Expander.ScaleOut;
using static Recommender.Expander.Tests.ScaleOut.ScaleOutCatalog;

namespace Recommender.Expander.Tests.ScaleOut;

public sealed class ScaleOutValidationTests
{
    public static TheoryData<string, ScaleOutRequest> BadRequests => new()
    {
        { "pools[0].instanceType", Request(Pool("a", "ecs.nope.large", 1)) with { Cpu = 1 } },
        { "pools[0].nodeCount", Request(Pool("a", "ecs.g7.large", -1)) with { Cpu = 1 } },
        { "pools[0].maxSize", Request(Pool("a", "ecs.g7.large", 5, max: 3)) with { Cpu = 1 } },
        { "pools[0].usedCpu", Request(Pool("a", "ecs.g7.large", 5, usedCpu: -2)) with { Cpu = 1 } },
        { "pools[0].zones", Request(Pool("a", "ecs.g7.large", 5, zones: ["mars-1"])) with { Cpu = 1 } },
        { "cpu", Request(Pool("a", "ecs.g7.large", 1)) },
        { "cpu", Request(Pool("a", "ecs.g7.large", 1)) with { Cpu = double.NaN } },
        { "memoryGiB", Request(Pool("a", "ecs.g7.large", 1)) with { MemoryGiB = -1 } },
        { "gpus", Request(Pool("a", "ecs.g7.large", 1)) with { Gpus = -1 } },
        { "onDemandPct", Request(Pool("a", "ecs.g7.large", 1)) with { Cpu = 1, OnDemandPct = 101 } },
        { "maxNewPools", Request(Pool("a", "ecs.g7.large", 1)) with { Cpu = 1, MaxNewPools = -1 } },
        { "alternatives", Request(Pool("a", "ecs.g7.large", 1)) with { Cpu = 1, Alternatives = 0 } },
        { "timeLimitMs", Request(Pool("a", "ecs.g7.large", 1)) with { Cpu = 1, TimeLimitMs = 60_000 } },
        { "pods[0].count", Request() with { Pods = [new ScaleOutPod("p", 0, 1, 1, 0)] } },
        { "pods[0].cpu", Request() with { Pods = [new ScaleOutPod("p", 1, -1, 1, 0)] } },
        { "pods[0].nodeSelector", Request() with { Pods = [new ScaleOutPod("p", 1, 1, 1, 0, new Dictionary<string, string> { ["team"] = "x" })] } },
        { "pods[0].nodeSelector", Request() with { Pods = [new ScaleOutPod("p", 1, 1, 1, 0, new Dictionary<string, string> { ["kubernetes.io/arch"] = "s390x" })] } },
        { "pods[0].nodeSelector", Request() with { Pods = [new ScaleOutPod("p", 1, 1, 1, 0, new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "mars-1" })] } },
        { "region", Request() with { Cpu = 1, Region = "elsewhere" } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Bad_input_is_a_validation_error_naming_the_field(string field, ScaleOutRequest request)
    {
        var error = Assert.Throws<ValidationException>(() => Solve(request));

        Assert.Equal(field, error.Argument);
        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
    }

    [Fact]
    public void A_spot_pool_whose_type_has_no_spot_price_is_priced_on_demand()
    {
        var result = Solve(Request(Pool("s", "ecs.g7.xlarge", 1, capacity: CapacityType.Spot)) with { Cpu = 2, AllowNewPools = false });

        Assert.Equal(0.19m, result.Plans[0].Changes.Single().UnitPrice);
    }
}
