using System.Text.Json;
using Recommender.Core.Errors;
using Recommender.Testing.Builders;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>Real CP-SAT solves through HTTP on the assorted test catalog (region cn-test).</summary>
public sealed class RecommendLayoutTests(SolverApiFactory solver) : IClassFixture<SolverApiFactory>
{
    private ApiFactory App => solver.Api;

    [Fact]
    public async Task A_small_request_gets_an_optimal_layout_whose_figures_add_up()
    {
        var r = await RecommendationApi.RecommendAsync(App, new { region = "cn-test", cpu = 10, memoryGiB = 40 });

        var answer = Answer(r);
        Assert.Equal("OPTIMAL", answer.GetProperty("status").GetString());
        Assert.Equal(0, answer.GetProperty("gap").GetDouble());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("explanation").ValueKind);
        Assert.Equal("USD", answer.GetProperty("currency").GetString());
        var region = App.Catalog.Regions[0];
        Assert.Equal(region.Version, answer.GetProperty("catalogVersion").GetInt64());
        Assert.True(answer.GetProperty("catalogAgeSeconds").GetDouble() > 0);

        var layout = Assert.Single(answer.GetProperty("layouts").EnumerateArray());
        var pools = layout.GetProperty("pools").EnumerateArray().ToList();
        Assert.NotEmpty(pools);
        Assert.Equal(pools.Sum(p => p.GetProperty("hourlyPrice").GetDecimal()), layout.GetProperty("hourlyPrice").GetDecimal());
        Assert.Equal(layout.GetProperty("hourlyPrice").GetDecimal() * 730, layout.GetProperty("monthlyPrice").GetDecimal());
        Assert.Equal(pools.Sum(p => p.GetProperty("nodeCount").GetInt32()), layout.GetProperty("nodeCount").GetInt32());
        Assert.Equal(answer.GetProperty("lowerBound").GetDecimal(), layout.GetProperty("hourlyPrice").GetDecimal());
        foreach (var pool in pools)
        {
            var type = pool.GetProperty("instanceType");
            Assert.Equal(pool.GetProperty("instanceTypeName").GetString(), type.GetProperty("name").GetString());
            var price = region.InstanceTypes.Single(o => o.Name == type.GetProperty("name").GetString()).OnDemandPrice;
            Assert.Equal("ON_DEMAND", pool.GetProperty("capacityType").GetString());
            Assert.Equal(price, pool.GetProperty("unitPrice").GetDecimal());
            Assert.Equal(price * pool.GetProperty("nodeCount").GetInt32(), pool.GetProperty("hourlyPrice").GetDecimal());
        }

        // The layout's totals are the pools' instance types (allocatable figures included) times their node counts.
        var allocatable = layout.GetProperty("allocatable");
        var raw = layout.GetProperty("raw");
        Assert.Equal(Sum(pools, "allocatableVcpu"), allocatable.GetProperty("vcpu").GetDouble(), 6);
        Assert.Equal(Sum(pools, "allocatableMemoryGiB"), allocatable.GetProperty("memoryGiB").GetDouble(), 0.0005); // layouts round GiB to 3 decimals
        Assert.Equal(Sum(pools, "vcpu"), raw.GetProperty("vcpu").GetDouble(), 6);
        Assert.Equal(Sum(pools, "memoryGiB"), raw.GetProperty("memoryGiB").GetDouble(), 6);
        Assert.True(allocatable.GetProperty("vcpu").GetDouble() >= 10 && allocatable.GetProperty("memoryGiB").GetDouble() >= 40);
        Assert.True(raw.GetProperty("vcpu").GetDouble() > allocatable.GetProperty("vcpu").GetDouble());
        Assert.Equal(allocatable.GetProperty("vcpu").GetDouble() - 10, layout.GetProperty("aboveRequest").GetProperty("vcpu").GetDouble(), 6);
        // The request is covered with sustained vCPU (burstable types at their baseline share), never more than allocatable.
        Assert.InRange(allocatable.GetProperty("sustainedVcpu").GetDouble(), 10, allocatable.GetProperty("vcpu").GetDouble());
        Assert.Equal(allocatable.GetProperty("sustainedVcpu").GetDouble() - 10, layout.GetProperty("aboveRequest").GetProperty("sustainedVcpu").GetDouble(), 6);
        Assert.Equal(allocatable.GetProperty("memoryGiB").GetDouble() - 40, layout.GetProperty("aboveRequest").GetProperty("memoryGiB").GetDouble(), 0.0005);

        var request = answer.GetProperty("request");
        Assert.Equal("alibaba", request.GetProperty("provider").GetString());
        Assert.Equal(1, request.GetProperty("minNodes").GetInt32());
        Assert.Equal(5000, request.GetProperty("maxNodes").GetInt32());
        Assert.True(request.GetProperty("allowBurst").GetBoolean());
        Assert.False(request.GetProperty("allowOlderGen").GetBoolean());
        Assert.Equal(1, request.GetProperty("spotDiversity").GetInt32());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("maxPools").ValueKind);
    }

    [Fact]
    public async Task The_answer_reads_back_unchanged_by_its_id_until_it_expires_a_day_later()
    {
        var answer = Answer(await RecommendationApi.RecommendAsync(
            App,
            new { region = "cn-test", cpu = 6, memoryGiB = 20, zones = new[] { "cn-test-a" }, maxPools = 2, largestPod = new { cpu = 2, memoryGiB = 4 } }));
        var id = answer.GetProperty("id").GetString()!;

        var again = await RecommendationApi.ReadAsync(App, id);

        Assert.Equal(answer.GetRawText(), again.Data.GetProperty("recommendation").GetRawText());
        Assert.Equal(
            TimeSpan.FromHours(24),
            answer.GetProperty("expiresAt").GetDateTimeOffset() - answer.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(["cn-test-a"], answer.GetProperty("request").GetProperty("zones").EnumerateArray().Select(z => z.GetString()));
        Assert.Equal(2, answer.GetProperty("request").GetProperty("largestPod").GetProperty("cpu").GetDouble());
    }

    [Fact]
    public async Task Ids_are_long_random_and_distinct()
    {
        var first = Answer(await RecommendationApi.RecommendAsync(App, new { region = "cn-test", cpu = 2 })).GetProperty("id").GetString()!;
        var second = Answer(await RecommendationApi.RecommendAsync(App, new { region = "cn-test", cpu = 2 })).GetProperty("id").GetString()!;

        Assert.NotEqual(first, second);
        Assert.All(new[] { first, second }, id => Assert.Equal(22, id.Length)); // 128 bits in base64url
    }

    [Fact]
    public async Task Alternatives_are_further_layouts_with_other_instance_types_best_first()
    {
        var answer = Answer(await RecommendationApi.RecommendAsync(App, new { region = "cn-test", cpu = 16, memoryGiB = 64, alternatives = 3 }));

        var layouts = answer.GetProperty("layouts").EnumerateArray().ToList();
        Assert.Equal(3, layouts.Count);
        var prices = layouts.Select(l => l.GetProperty("hourlyPrice").GetDecimal()).ToList();
        Assert.Equal(prices.Order(), prices);
        var typeSets = layouts.Select(l => string.Join(',', l.GetProperty("pools").EnumerateArray().Select(p => p.GetProperty("instanceTypeName").GetString()).Order())).ToList();
        Assert.Equal(3, typeSets.Distinct().Count());
        Assert.Equal(3, answer.GetProperty("request").GetProperty("alternatives").GetInt32());
    }

    [Fact]
    public async Task A_requests_own_time_limit_is_kept_with_its_answer()
    {
        var answer = Answer(await RecommendationApi.RecommendAsync(App, new { region = "cn-test", cpu = 16, timeLimitMs = 250 }));

        Assert.Equal("OPTIMAL", answer.GetProperty("status").GetString());
        Assert.Equal(250, answer.GetProperty("request").GetProperty("timeLimitMs").GetInt32());
        var unset = Answer(await RecommendationApi.RecommendAsync(App, new { region = "cn-test", cpu = 16 }));
        Assert.Equal(JsonValueKind.Null, unset.GetProperty("request").GetProperty("timeLimitMs").ValueKind);
    }

    [Fact]
    public async Task An_impossible_request_is_an_infeasible_answer_with_its_explanation()
    {
        var r = await RecommendationApi.RecommendAsync(App, new { region = "cn-test", cpu = 5000, maxNodes = 2 });

        var answer = Answer(r);
        Assert.Equal("INFEASIBLE", answer.GetProperty("status").GetString());
        Assert.Empty(answer.GetProperty("layouts").EnumerateArray());
        Assert.Contains("maxNodes", answer.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"region":"cn-test","cpu":1,"minNodes":0}""", "input.minNodes")]
    [InlineData("""{"region":"cn-test","cpu":1,"minNodes":3,"maxNodes":2}""", "input.minNodes")]
    [InlineData("""{"region":"cn-test","cpu":1,"maxNodes":5001}""", "input.maxNodes")]
    [InlineData("""{"region":"cn-test"}""", "input.cpu")]
    [InlineData("""{"region":"cn-test","cpu":-1}""", "input.cpu")]
    [InlineData("""{"region":"cn-test","memoryGiB":9000000}""", "input.memoryGiB")]
    [InlineData("""{"region":"cn-test","cpu":1,"gpus":-1}""", "input.gpus")]
    [InlineData("""{"region":"cn-test","cpu":1,"gpuModel":"Voodoo 2"}""", "input.gpuModel")]
    [InlineData("""{"region":"cn-test","cpu":1,"onDemandPct":101}""", "input.onDemandPct")]
    [InlineData("""{"region":"cn-test","cpu":1,"zones":["cn-test-z"]}""", "input.zones")]
    [InlineData("""{"region":"cn-test","cpu":1,"includes":["ecs.nope"]}""", "input.includes")]
    [InlineData("""{"region":"cn-test","cpu":1,"excludes":["ecs.nope.large"]}""", "input.excludes")]
    [InlineData("""{"region":"cn-test","cpu":1,"largestPod":{"cpu":-2,"memoryGiB":1}}""", "input.largestPod.cpu")]
    [InlineData("""{"region":"cn-test","cpu":1,"maxPools":0}""", "input.maxPools")]
    [InlineData("""{"region":"cn-test","cpu":1,"spotDiversity":0}""", "input.spotDiversity")]
    [InlineData("""{"region":"cn-test","cpu":1,"alternatives":11}""", "input.alternatives")]
    [InlineData("""{"region":"cn-test","cpu":1,"timeLimitMs":0}""", "input.timeLimitMs")]
    [InlineData("""{"region":"cn-test","cpu":1,"timeLimitMs":60000}""", "input.timeLimitMs")]
    public async Task Malformed_input_is_BAD_USER_INPUT_naming_the_field(string input, string argument)
    {
        var r = await RecommendationApi.RecommendAsync(App, JsonDocument.Parse(input).RootElement);

        Assert.Equal(ErrorCodes.BadUserInput, r.ErrorCode);
        Assert.Equal(argument, r.ErrorArgument());
        Assert.StartsWith(argument + ": ", r.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alibaba", "cn-nowhere")]
    [InlineData("nocloud", CatalogBuilder.DefaultRegion)]
    public async Task An_unknown_provider_or_region_is_NOT_FOUND(string provider, string region)
    {
        var r = await RecommendationApi.RecommendAsync(App, new { provider, region, cpu = 1 });

        Assert.Equal(ErrorCodes.NotFound, r.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_id_is_NOT_FOUND()
    {
        var r = await RecommendationApi.ReadAsync(App, "AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(ErrorCodes.NotFound, r.ErrorCode);
    }

    [Fact]
    public async Task Instance_types_show_what_pods_can_use_after_the_node_reservation()
    {
        // README example: 4 vCPU / 16 GiB keeps 80 millicores and 2,763 MiB.
        var r = await App.PostAsync("""{ instanceType(provider: "alibaba", region: "cn-test", name: "ecs.g7.xlarge") { vcpu memoryGiB allocatableVcpu allocatableMemoryGiB } }""");

        var type = r.Data.GetProperty("instanceType");
        Assert.Equal(3.92, type.GetProperty("allocatableVcpu").GetDouble(), 9);
        Assert.Equal(13621 / 1024d, type.GetProperty("allocatableMemoryGiB").GetDouble(), 9);
    }

    [Fact]
    public async Task The_spot_example_mixes_on_demand_and_diverse_spot_pools_as_asked()
    {
        // The shipped example over the test catalog (OperationFileTests runs it as shipped, on the sample).
        var r = await App.PostAsync(
            await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Operations, "recommend-spot-alternatives.graphql")),
            new { region = "cn-test", zone = "cn-test-a" });

        var answer = Answer(r);
        Assert.Equal("OPTIMAL", answer.GetProperty("status").GetString());
        var layouts = answer.GetProperty("layouts").EnumerateArray().ToList();
        Assert.Equal(3, layouts.Count);
        foreach (var layout in layouts)
        {
            var pools = layout.GetProperty("pools").EnumerateArray().ToList();
            Assert.InRange(pools.Count, 1, 4);
            Assert.Contains(pools, p => p.GetProperty("capacityType").GetString() == "ON_DEMAND");
            var spotTypes = pools.Where(p => p.GetProperty("capacityType").GetString() == "SPOT").Select(p => p.GetProperty("instanceTypeName").GetString()).Distinct().Count();
            Assert.True(spotTypes is 0 or >= 2, $"{spotTypes} spot types");
        }
    }

    private static JsonElement Answer(GraphQLResponse r)
    {
        Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), r.ToString());
        return r.Data.GetProperty("recommendLayout");
    }

    private static double Sum(List<JsonElement> pools, string field) =>
        pools.Sum(p => p.GetProperty("nodeCount").GetInt32() * p.GetProperty("instanceType").GetProperty(field).GetDouble());
}
