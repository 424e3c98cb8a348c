using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recommender.Api.GraphQL.Cost;
using Recommender.Api.Tests.Recommendations;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Limits;

/// <summary>
/// Each attack of the hardening issue is refused before validation or execution with its typed code. Before the
/// admission step these ran for seconds to days; the figures are in benchmarks/attacks (tests never time).
/// </summary>
public sealed class RequestLimitTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly FakeRecommender recommender = new();
    private readonly WebApplicationFactory<Program> app;

    public RequestLimitTests()
    {
        api.Settings["GraphQL:MaxRequestBytes"] = "300000";
        app = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IRecommender>(recommender)));
    }

    public void Dispose()
    {
        app.Dispose();
        api.Dispose();
    }

    [Theory]
    [InlineData(26)]
    [InlineData(40)]
    public async Task A_fragment_bomb_is_refused_as_too_complex(int levels)
    {
        var r = await RecommendationApi.PostAsync(app, Attacks.FragmentBomb(levels));

        Assert.Equal(400, r.Status);
        Assert.Equal(RequestLimitError.Complexity, r.ErrorCode);
        Assert.False(r.HasData);
    }

    [Fact]
    public async Task Eighty_thousand_repeats_of_one_field_are_refused_before_validation()
    {
        var r = await RecommendationApi.PostAsync(app, Attacks.RepeatedField(80_000));

        Assert.Equal(RequestLimitError.Complexity, r.ErrorCode);
        Assert.Contains("80,001 fields", r.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_thousand_typenames_are_refused_not_answered()
    {
        var r = await RecommendationApi.PostAsync(app, Attacks.RepeatedTypename(20_000));

        Assert.Equal(400, r.Status);
        Assert.Equal(RequestLimitError.Complexity, r.ErrorCode);
    }

    [Fact]
    public async Task Introspection_has_a_price_so_a_thousand_schemas_are_refused_while_one_passes()
    {
        var many = await RecommendationApi.PostAsync(app, Attacks.AliasedIntrospection(1_000));
        var small = "{ " + string.Join(' ', Enumerable.Range(0, 20).Select(i => $"s{i}: __schema {{ queryType {{ name }} }}")) + " }";
        var twenty = await RecommendationApi.PostAsync(app, small);
        var one = await RecommendationApi.PostAsync(app, Attacks.AliasedIntrospection(1));

        Assert.Equal(RequestLimitError.Complexity, many.ErrorCode);
        // Few fields, but 20 whole schemas: refused on price, not on size.
        Assert.Equal(RequestLimitError.Complexity, twenty.ErrorCode);
        Assert.Equal(20 * 5_000, twenty.FirstError.GetProperty("extensions").GetProperty("measured").GetDouble());
        Assert.Equal(200, one.Status);
        Assert.True(one.Data.GetProperty("s0").GetProperty("types").GetArrayLength() > 10);
    }

    [Fact]
    public async Task More_solves_than_allowed_are_refused_before_any_solve_starts()
    {
        var input = new { region = "cn-test", cpu = 500, memoryGiB = 1000, onDemandPct = 50, spotDiversity = 3 };

        var refused = await RecommendationApi.PostAsync(app, Attacks.AliasedRecommendations(500), new { i = input });

        Assert.Equal(RequestLimitError.TooManySolves, refused.ErrorCode);
        Assert.Equal(3, refused.FirstError.GetProperty("extensions").GetProperty("limit").GetInt32());
        Assert.Equal(0, recommender.Calls);
    }

    [Fact]
    public async Task Solves_up_to_the_limit_run_and_the_limit_is_configurable()
    {
        var input = new { region = "cn-test", cpu = 1 };

        var allowed = await RecommendationApi.PostAsync(app, Attacks.AliasedRecommendations(3), new { i = input });
        using var strict = app.WithWebHostBuilder(b => b.UseSetting("GraphQL:MaxSolvesPerRequest", "1"));
        var refused = await RecommendationApi.PostAsync(strict, Attacks.AliasedRecommendations(2), new { i = input });

        Assert.False(allowed.Json.TryGetProperty("errors", out _), allowed.ToString());
        Assert.Equal(3, recommender.Calls);
        Assert.Equal(RequestLimitError.TooManySolves, refused.ErrorCode);
    }

    [Fact]
    public async Task Solves_spread_through_fragments_count_too()
    {
        const string query = "query($i: LayoutRequest!) { ...A ...A } fragment A on Query { a: recommendLayout(input: $i) { id } "
            + "b: recommendLayout(input: $i) { id } }";

        var r = await RecommendationApi.PostAsync(app, query, new { i = new { region = "cn-test", cpu = 1 } });

        Assert.Equal(RequestLimitError.TooManySolves, r.ErrorCode);
        Assert.Equal(0, recommender.Calls);
    }

    [Fact]
    public async Task A_selection_62_levels_deep_is_a_typed_depth_error_and_logs_nothing_at_error_level()
    {
        var query = Attacks.Deep(62);

        var r = await RecommendationApi.PostAsync(app, query);

        Assert.Equal(400, r.Status);
        Assert.Equal(RequestLimitError.MaxDepth, r.ErrorCode);
        Assert.DoesNotContain(api.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(api.Logs.Entries, e => e.Message.Contains("ofType { ofType", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(40)]
    public async Task Any_depth_over_the_limit_is_the_same_typed_error(int levels)
    {
        var r = await RecommendationApi.PostAsync(app, Attacks.Deep(levels));

        Assert.Equal(RequestLimitError.MaxDepth, r.ErrorCode);
    }

    [Fact]
    public async Task A_subscription_is_a_typed_error()
    {
        var r = await RecommendationApi.PostAsync(app, "subscription { x }");

        Assert.Equal(400, r.Status);
        Assert.Equal(RequestLimitError.SubscriptionsNotSupported, r.ErrorCode);
    }

    [Fact]
    public async Task A_chain_of_fragments_deeper_than_the_nesting_limit_is_refused()
    {
        var chain = string.Join(' ', Enumerable.Range(1, CostAnalyzer.MaxFragmentNesting + 5).Select(i => $"fragment F{i} on Provider {{ ...F{i - 1} }}"));
        var query = $"{{ providers {{ ...F{CostAnalyzer.MaxFragmentNesting + 5} }} }} fragment F0 on Provider {{ id }} {chain}";

        var r = await RecommendationApi.PostAsync(app, query);

        Assert.Equal(RequestLimitError.MaxDepth, r.ErrorCode);
    }
}
