using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Recommender.Api.Recommendations;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>Slots, failures, store outages and expiry, with a handwritten recommender in place of CP-SAT.</summary>
public sealed class RecommendationServingTests : IDisposable
{
    private static readonly object Input = new { region = "cn-test", cpu = 1 };

    private readonly ApiFactory api = new();
    private readonly FakeRecommender recommender = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task When_every_slot_is_busy_past_the_queue_timeout_the_request_gets_SOLVER_BUSY()
    {
        api.Settings["Recommendations:MaxConcurrentSolves"] = "1";
        api.Settings["Recommendations:QueueTimeout"] = "00:00:00";
        using var app = App();
        recommender.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = RecommendationApi.RecommendAsync(app, Input);
        await recommender.Entered.Task;

        var busy = await RecommendationApi.RecommendAsync(app, Input);

        Assert.Equal(ErrorCodes.SolverBusy, busy.ErrorCode);
        Assert.Contains("retry later", busy.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, recommender.Calls);
        recommender.Hold.SetResult();
        var done = await first;
        Assert.Equal("OPTIMAL", done.Data.GetProperty("recommendLayout").GetProperty("status").GetString());
        Assert.Equal(1, app.Services.GetRequiredService<SlotLimitedRecommender>().FreeSlots);
    }

    [Fact]
    public async Task A_request_waits_for_a_slot_within_the_queue_timeout()
    {
        api.Settings["Recommendations:MaxConcurrentSolves"] = "1";
        api.Settings["Recommendations:QueueTimeout"] = "00:01:00";
        using var app = App();
        recommender.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = RecommendationApi.RecommendAsync(app, Input);
        await recommender.Entered.Task;
        var second = RecommendationApi.RecommendAsync(app, Input);

        recommender.Hold.SetResult();

        Assert.All(await Task.WhenAll(first, second), r => Assert.False(r.Json.TryGetProperty("errors", out _), r.ToString()));
        Assert.Equal(2, recommender.Calls);
    }

    [Fact]
    public async Task A_solver_crash_is_INTERNAL_for_that_request_only()
    {
        using var app = App();
        recommender.Failure = new InvalidOperationException("native solver exploded");

        var failed = await RecommendationApi.RecommendAsync(app, Input);

        Assert.Equal(ErrorCodes.Internal, failed.ErrorCode);
        Assert.DoesNotContain("exploded", failed.Body, StringComparison.Ordinal);
        Assert.Contains(api.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "native solver exploded");
        recommender.Failure = null;
        var next = await RecommendationApi.RecommendAsync(app, Input);
        Assert.False(next.Json.TryGetProperty("errors", out _), next.ToString());
        Assert.Equal(Environment.ProcessorCount, app.Services.GetRequiredService<SlotLimitedRecommender>().FreeSlots);
    }

    [Fact]
    public async Task A_store_failure_still_answers_with_an_id_logs_it_and_the_id_is_then_NOT_FOUND()
    {
        using var app = App(s => s.AddSingleton<IRecommendationStore>(new FailingRecommendationStore()));

        var r = await RecommendationApi.RecommendAsync(app, Input);

        var id = r.Data.GetProperty("recommendLayout").GetProperty("id").GetString()!;
        Assert.Contains(api.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal) && e.Exception is IOException);
        Assert.Equal(ErrorCodes.NotFound, (await RecommendationApi.ReadAsync(app, id)).ErrorCode);
    }

    [Fact]
    public async Task A_recommendation_is_kept_for_the_retention_and_NOT_FOUND_after_it()
    {
        using var app = App(s => s.AddSingleton<TimeProvider>(time));
        var createdAt = time.GetUtcNow();
        var id = (await RecommendationApi.RecommendAsync(app, Input)).Data.GetProperty("recommendLayout").GetProperty("id").GetString()!;

        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var kept = await RecommendationApi.ReadAsync(app, id);
        time.Advance(TimeSpan.FromSeconds(1));
        var expired = await RecommendationApi.ReadAsync(app, id);

        Assert.Equal(id, kept.Data.GetProperty("recommendation").GetProperty("id").GetString());
        Assert.Equal(createdAt + TimeSpan.FromHours(24), kept.Data.GetProperty("recommendation").GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(ErrorCodes.NotFound, expired.ErrorCode);
    }

    [Fact]
    public async Task The_retention_is_configurable()
    {
        api.Settings["Recommendations:Retention"] = "00:10:00";
        using var app = App(s => s.AddSingleton<TimeProvider>(time));
        var id = (await RecommendationApi.RecommendAsync(app, Input)).Data.GetProperty("recommendLayout").GetProperty("id").GetString()!;

        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(ErrorCodes.NotFound, (await RecommendationApi.ReadAsync(app, id)).ErrorCode);
    }

    [Fact]
    public async Task The_solve_gets_the_request_token()
    {
        using var app = App();
        var service = app.Services.GetRequiredService<RecommendationService>();
        using var cts = new CancellationTokenSource();

        await service.RecommendAsync(new LayoutRequest { Region = "cn-test", Cpu = 1 }, api.Catalog.Regions[0], "ip:test", cts.Token);

        Assert.Equal(cts.Token, recommender.LastToken);
    }

    [Fact]
    public async Task A_cancelled_request_gives_up_its_slot()
    {
        api.Settings["Recommendations:MaxConcurrentSolves"] = "1";
        using var app = App();
        var service = app.Services.GetRequiredService<RecommendationService>();
        recommender.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cts = new CancellationTokenSource();
        var solve = service.RecommendAsync(new LayoutRequest { Region = "cn-test", Cpu = 1 }, api.Catalog.Regions[0], "ip:test", cts.Token);
        await recommender.Entered.Task;

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => solve);
        Assert.Equal(1, app.Services.GetRequiredService<SlotLimitedRecommender>().FreeSlots);
        Assert.Equal(0, app.Services.GetRequiredService<InMemoryRecommendationStore>().Count); // Its place was given back too.
    }

    private WebApplicationFactory<Program> App(Action<IServiceCollection>? configure = null) =>
        api.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IRecommender>(recommender);
            configure?.Invoke(s);
        }));
}
