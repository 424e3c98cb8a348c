using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Recommender.Api.Recommendations;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>The storage quota through HTTP: per caller (the client address) and in total, refused before any solve.</summary>
public sealed class RecommendationQuotaTests : IDisposable
{
    private static readonly object Input = new { region = "cn-test", cpu = 1 };
    private static readonly IPAddress Alice = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Bob = IPAddress.Parse("198.51.100.2");

    private readonly ApiFactory api = new();
    private readonly FakeRecommender recommender = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task A_caller_at_its_bound_is_refused_before_the_solve_with_the_bound_the_retention_and_its_oldest_expiry()
    {
        api.Settings["Recommendations:MaxStoredPerCaller"] = "2";
        using var app = App();
        var first = Id(await RecommendationApi.RecommendFromAsync(app, Alice, Input));
        time.Advance(TimeSpan.FromHours(1));
        Id(await RecommendationApi.RecommendFromAsync(app, Alice, Input));

        var refused = await RecommendationApi.RecommendFromAsync(app, Alice, Input);

        Assert.Equal(ErrorCodes.RecommendationQuotaExceeded, refused.ErrorCode);
        var extensions = refused.FirstError.GetProperty("extensions");
        Assert.Equal("CALLER", extensions.GetProperty("scope").GetString());
        Assert.Equal(2, extensions.GetProperty("limit").GetInt32());
        Assert.Equal(86_400, extensions.GetProperty("retentionSeconds").GetInt64());
        Assert.Equal(23 * 3_600, extensions.GetProperty("retryAfterSeconds").GetInt64());
        Assert.Equal(
            "You already keep 2 recommendations, the most one caller may (each is kept 24 h for recommendation(id)). "
            + "Your oldest expires at 2026-11-26T12:00:00Z (in 82800 s); retry then.",
            refused.FirstError.GetProperty("message").GetString());
        Assert.Equal(2, recommender.Calls);
        Assert.Equal(first, (await RecommendationApi.ReadAsync(app, first)).Data.GetProperty("recommendation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Another_caller_is_served_while_one_is_at_its_bound_and_an_IPv4_mapped_address_is_the_same_caller()
    {
        api.Settings["Recommendations:MaxStoredPerCaller"] = "1";
        using var app = App();
        Id(await RecommendationApi.RecommendFromAsync(app, Alice, Input));

        var mapped = await RecommendationApi.RecommendFromAsync(app, Alice.MapToIPv6(), Input);
        var other = await RecommendationApi.RecommendFromAsync(app, Bob, Input);

        Assert.Equal(ErrorCodes.RecommendationQuotaExceeded, mapped.ErrorCode);
        Id(other);
    }

    [Fact]
    public async Task The_total_bound_refuses_new_callers_once_full_and_evicts_nobody()
    {
        api.Settings["Recommendations:MaxStoredPerCaller"] = "1";
        api.Settings["Recommendations:MaxStored"] = "2";
        using var app = App();
        var alice = Id(await RecommendationApi.RecommendFromAsync(app, Alice, Input));
        var bob = Id(await RecommendationApi.RecommendFromAsync(app, Bob, Input));

        var refused = await RecommendationApi.RecommendFromAsync(app, IPAddress.Parse("192.0.2.1"), Input);

        Assert.Equal(ErrorCodes.RecommendationQuotaExceeded, refused.ErrorCode);
        Assert.Equal("TOTAL", refused.FirstError.GetProperty("extensions").GetProperty("scope").GetString());
        Assert.StartsWith("The service already keeps 2 recommendations", refused.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False((await RecommendationApi.ReadAsync(app, alice)).Json.TryGetProperty("errors", out _));
        Assert.False((await RecommendationApi.ReadAsync(app, bob)).Json.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Many_aliases_in_one_request_solve_no_more_than_the_callers_bound()
    {
        api.Settings["Recommendations:MaxStoredPerCaller"] = "3";
        api.Settings["GraphQL:MaxSolvesPerRequest"] = "6"; // Let all six through admission: the store's bound is under test.
        using var app = App();
        var aliases = string.Join(' ', Enumerable.Range(0, 6).Select(i => $"r{i}: recommendLayout(input: $input) {{ id }}"));

        var r = await RecommendationApi.PostFromAsync(app, Alice, $"query($input: LayoutRequest!) {{ {aliases} }}", new { input = Input });

        var errors = r.Json.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal(ErrorCodes.RecommendationQuotaExceeded, e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Equal(3, recommender.Calls);
        Assert.Equal(3, app.Services.GetRequiredService<InMemoryRecommendationStore>().RecordCount);
    }

    [Fact]
    public async Task A_failed_solve_gives_its_place_back()
    {
        api.Settings["Recommendations:MaxStoredPerCaller"] = "1";
        using var app = App();
        recommender.Failure = new InvalidOperationException("native solver exploded");
        Assert.Equal(ErrorCodes.Internal, (await RecommendationApi.RecommendFromAsync(app, Alice, Input)).ErrorCode);

        recommender.Failure = null;

        Id(await RecommendationApi.RecommendFromAsync(app, Alice, Input));
    }

    [Fact]
    public async Task A_request_answered_SOLVER_BUSY_gives_its_place_back()
    {
        api.Settings["Recommendations:MaxStoredPerCaller"] = "2";
        api.Settings["Recommendations:MaxConcurrentSolves"] = "1";
        api.Settings["Recommendations:QueueTimeout"] = "00:00:00";
        using var app = App();
        recommender.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = RecommendationApi.RecommendFromAsync(app, Alice, Input);
        await recommender.Entered.Task;
        Assert.Equal(ErrorCodes.SolverBusy, (await RecommendationApi.RecommendFromAsync(app, Alice, Input)).ErrorCode);
        recommender.Hold.SetResult();
        Id(await held);
        recommender.Hold = null;

        Id(await RecommendationApi.RecommendFromAsync(app, Alice, Input));
    }

    [Fact]
    public void Defaults_bound_each_caller_to_1000_and_the_in_memory_store_to_10000()
    {
        var quota = OptionsFrom([]).QuotaFor(redis: false);

        Assert.Equal(1_000, quota.PerCaller);
        Assert.Equal(10_000, quota.Total);
        Assert.Equal(100_000, OptionsFrom([]).QuotaFor(redis: true).Total);
    }

    [Theory]
    [InlineData("Recommendations:MaxStoredPerCaller", "0")]
    [InlineData("Recommendations:MaxStored", "0")]
    [InlineData("Recommendations:MaxStoredPerCaller", "10001")]
    [InlineData("Recommendations:StoreTimeout", "00:00:00")]
    [InlineData("Recommendations:StoreBreakerFailures", "0")]
    [InlineData("Recommendations:StoreBreakerDelay", "00:00:00")]
    public void Nonsense_is_refused_at_start_up(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => OptionsFrom(new() { [key] = value }));

    private static RecommendationOptions OptionsFrom(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddLogging().AddRecommendations(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RecommendationOptions>>().Value;
    }

    private static string Id(GraphQLResponse response)
    {
        Assert.False(response.Json.TryGetProperty("errors", out _), response.ToString());
        return response.Data.GetProperty("recommendLayout").GetProperty("id").GetString()!;
    }

    private WebApplicationFactory<Program> App() =>
        api.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IRecommender>(recommender);
            s.AddSingleton<TimeProvider>(time);
        }));
}
