using Microsoft.Extensions.Logging;
using Recommender.Api.Tests.Identity;
using Recommender.Api.Tests.Recommendations;

namespace Recommender.Api.Tests.ScaleOut;

/// <summary>recommendScaleOut and consultations through HTTP, with the real CP-SAT model on the assorted test catalog.</summary>
public sealed class ScaleOutApiTests(SolverApiFactory solver) : IClassFixture<SolverApiFactory>
{
    private const string ScaleOut = """
        query($input: ScaleOutRequest!) { recommendScaleOut(input: $input) {
          status addedHourlyPrice lowerBound gap explanation podRule optionsCompared catalogVersion
          demand { netCpu spareCpu }
          best { addedHourlyPrice nodesAdded changes { pool isNew instanceType capacityType nodesBefore nodesAdded nodesAfter } layout { pool nodesAfter } }
          singlePoolGrowth { pool addedHourlyPrice }
        } }
        """;

    private const string Consultations = """
        query($cluster: String!, $org: ID, $first: Int, $after: String) {
          consultations(cluster: $cluster, org: $org, first: $first, after: $after) {
            edges { cursor node { id kind cluster organization catalogVersion input answer why outcome addedHourlyPrice } }
            pageInfo { hasNextPage endCursor }
          } }
        """;

    private ApiFactory App => solver.Api;

    [Fact]
    public async Task An_anonymous_scale_out_is_answered_and_lands_in_the_decision_log()
    {
        var cluster = $"c-{Guid.NewGuid():N}";
        var r = await App.PostAsync(ScaleOut, new { input = Input(cluster, cpu: 10, memoryGiB: 20) });

        var answer = r.Data.GetProperty("recommendScaleOut");
        Assert.Equal("OPTIMAL", answer.GetProperty("status").GetString());
        var best = answer.GetProperty("best");
        Assert.True(best.GetProperty("nodesAdded").GetInt32() > 0);
        Assert.Equal(answer.GetProperty("addedHourlyPrice").GetDecimal(), answer.GetProperty("lowerBound").GetDecimal());
        Assert.All(best.GetProperty("changes").EnumerateArray(), c => Assert.True(c.GetProperty("nodesAfter").GetInt32() >= c.GetProperty("nodesBefore").GetInt32()));
        Assert.Equal("NONE", answer.GetProperty("podRule").GetString());

        var log = await App.PostAsync(Consultations, new { cluster });
        var entry = Assert.Single(log.Data.GetProperty("consultations").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal("SCALE_OUT", entry.GetProperty("kind").GetString());
        Assert.Equal("OPTIMAL", entry.GetProperty("outcome").GetString());
        Assert.Equal(answer.GetProperty("catalogVersion").GetInt64(), entry.GetProperty("catalogVersion").GetInt64());
        Assert.Equal(answer.GetProperty("addedHourlyPrice").GetDecimal(), entry.GetProperty("addedHourlyPrice").GetDecimal());
        Assert.Contains("ecs.g7.large", entry.GetProperty("input").GetString(), StringComparison.Ordinal);
        Assert.Contains("options compared", entry.GetProperty("why").GetString(), StringComparison.Ordinal);
        Assert.Contains(App.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Consultation ScaleOut", StringComparison.Ordinal) && e.Message.Contains(cluster, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spare_capacity_is_reported_and_used_first()
    {
        var pools = new[] { new { name = "web", instanceType = "ecs.g7.2xlarge", nodeCount = 4, canGrow = true, maxSize = 10, usedCpu = 10.0, usedMemoryGiB = 40.0 } };
        var r = await App.PostAsync(ScaleOut, new { input = new { region = "cn-test", pools, cpu = 2, memoryGiB = 2 } });

        var answer = r.Data.GetProperty("recommendScaleOut");
        Assert.Equal("OPTIMAL", answer.GetProperty("status").GetString());
        Assert.Equal(0m, answer.GetProperty("addedHourlyPrice").GetDecimal());
        Assert.Equal(0, answer.GetProperty("demand").GetProperty("netCpu").GetDouble());
        Assert.True(answer.GetProperty("demand").GetProperty("spareCpu").GetDouble() > 20);
    }

    [Theory]
    [InlineData("unknown-type", "input.pools[0].instanceType")]
    [InlineData("negative", "input.pools[0].nodeCount")]
    [InlineData("below", "input.pools[0].maxSize")]
    [InlineData("zero", "input.cpu")]
    [InlineData("selector", "input.pods[0].nodeSelector")]
    public async Task Bad_input_is_BAD_USER_INPUT_naming_the_field(string kind, string argument)
    {
        object input = kind switch
        {
            "unknown-type" => new { region = "cn-test", cpu = 1, pools = new[] { new { instanceType = "ecs.nope.large", nodeCount = 1 } } },
            "negative" => new { region = "cn-test", cpu = 1, pools = new[] { new { instanceType = "ecs.g7.large", nodeCount = -1 } } },
            "below" => new { region = "cn-test", cpu = 1, pools = new[] { new { instanceType = "ecs.g7.large", nodeCount = 4, maxSize = 2 } } },
            "zero" => new { region = "cn-test", pools = new[] { new { instanceType = "ecs.g7.large", nodeCount = 4 } } },
            _ => new
            {
                region = "cn-test",
                pools = Array.Empty<object>(),
                pods = new[] { new { name = "p", cpu = 1.0, nodeSelector = new[] { new { key = "team", value = "a" } } } },
            },
        };

        var r = await App.PostAsync(ScaleOut, new { input });

        Assert.Equal("BAD_USER_INPUT", r.ErrorCode);
        Assert.Equal(argument, r.FirstError.GetProperty("extensions").GetProperty("argument").GetString());
    }

    [Fact]
    public async Task Pending_pods_are_fitted_and_reported()
    {
        var pods = new object[]
        {
            new { name = "db", count = 2, cpu = 6.0, memoryGiB = 20.0 },
            new { name = "arm", count = 1, cpu = 1.0, memoryGiB = 1.0, nodeSelector = new[] { new { key = "kubernetes.io/arch", value = "arm64" } } },
        };
        var r = await App.PostAsync(ScaleOut, new { input = new { region = "cn-test", pools = Pools(), pods } });

        var answer = r.Data.GetProperty("recommendScaleOut");
        Assert.Equal("PACKED", answer.GetProperty("podRule").GetString());
        Assert.Contains(answer.GetProperty("status").GetString(), new[] { "OPTIMAL", "FEASIBLE" });
        Assert.Contains(answer.GetProperty("best").GetProperty("changes").EnumerateArray(),
            c => c.GetProperty("instanceType").GetString()!.Contains("8y", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_organisations_cluster_needs_membership_for_the_scale_out_and_its_log()
    {
        var org = $"acme{Guid.NewGuid():N}"[..12];
        var cluster = "prod";
        var input = new { region = "cn-test", organization = org, clusterId = cluster, cpu = 4, pools = Pools() };

        Assert.Equal("UNAUTHENTICATED", (await App.PostAsync(ScaleOut, new { input })).ErrorCode);
        Assert.Equal("FORBIDDEN", (await App.PostAsync(ScaleOut, new { input }, token: TestTokens.Member("other"))).ErrorCode);
        var member = TestTokens.Member(org);
        var ok = await App.PostAsync(ScaleOut, new { input }, token: member);
        Assert.Equal("OPTIMAL", ok.Data.GetProperty("recommendScaleOut").GetProperty("status").GetString());

        Assert.Equal("FORBIDDEN", (await App.PostAsync(Consultations, new { cluster, org }, token: TestTokens.Member("other"))).ErrorCode);
        var log = await App.PostAsync(Consultations, new { cluster, org }, token: member);
        var entry = Assert.Single(log.Data.GetProperty("consultations").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal(org, entry.GetProperty("organization").GetString());
        // The anonymous log of the same label does not show it.
        var anonymous = await App.PostAsync(Consultations, new { cluster });
        Assert.Empty(anonymous.Data.GetProperty("consultations").GetProperty("edges").EnumerateArray());
    }

    [Fact]
    public async Task Consultations_page_newest_first_with_cursors()
    {
        var cluster = $"c-{Guid.NewGuid():N}";
        for (var i = 1; i <= 3; i++)
        {
            await App.PostAsync(ScaleOut, new { input = Input(cluster, cpu: i, memoryGiB: i) });
        }

        var first = (await App.PostAsync(Consultations, new { cluster, first = 2 })).Data.GetProperty("consultations");
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var page1 = first.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("input").GetString()!).ToList();
        Assert.Equal(2, page1.Count);
        Assert.Contains("+3 vCPU", page1[0], StringComparison.Ordinal);
        var after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await App.PostAsync(Consultations, new { cluster, first = 2, after })).Data.GetProperty("consultations");
        var last = Assert.Single(second.GetProperty("edges").EnumerateArray());
        Assert.Contains("+1 vCPU", last.GetProperty("node").GetProperty("input").GetString(), StringComparison.Ordinal);
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var bad = await App.PostAsync(Consultations, new { cluster, after = "not-a-cursor" });
        Assert.Equal("BAD_USER_INPUT", bad.ErrorCode);
    }

    private static object[] Pools() =>
    [
        new { name = "web", instanceType = "ecs.g7.large", nodeCount = 3, canGrow = true, maxSize = 20 },
        new { name = "spot", instanceType = "ecs.c7.xlarge", capacityType = "SPOT", nodeCount = 2, canGrow = true, maxSize = 10 },
    ];

    private static ScaleOutInput Input(string? cluster, double cpu, double memoryGiB) => new("cn-test", cluster, Pools(), cpu, memoryGiB);

    private sealed record ScaleOutInput(string region, string? clusterId, object[] pools, double cpu, double memoryGiB);
}
