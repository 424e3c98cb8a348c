using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Api.Recommendations;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>The Recommender.Recommendations meter: what each outcome records, and that it reaches /metrics.</summary>
public sealed class RecommendationMetricsTests : IDisposable
{
    private static readonly object Input = new { region = "cn-test", cpu = 1 };
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.9");

    private readonly ApiFactory api = new();
    private readonly FakeRecommender recommender = new();
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = [];
    private Meter? meter;

    public RecommendationMetricsTests()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meter: other tests' apps create meters of the same name in parallel.
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
    }

    public void Dispose()
    {
        listener.Dispose();
        api.Dispose();
    }

    [Fact]
    public async Task Solves_queue_waits_busy_answers_quota_refusals_and_the_store_are_recorded()
    {
        api.Settings["Recommendations:MaxStoredPerCaller"] = "2";
        api.Settings["Recommendations:MaxConcurrentSolves"] = "1";
        api.Settings["Recommendations:QueueTimeout"] = "00:00:00";
        using var app = App();
        Listen(app);

        recommender.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = RecommendationApi.RecommendFromAsync(app, Client, Input);
        await recommender.Entered.Task;
        Assert.Equal(ErrorCodes.SolverBusy, (await RecommendationApi.RecommendFromAsync(app, IPAddress.Loopback, Input)).ErrorCode);
        recommender.Hold.SetResult();
        await held;
        recommender.Hold = null;
        await RecommendationApi.RecommendFromAsync(app, Client, Input);
        Assert.Equal(ErrorCodes.RecommendationQuotaExceeded, (await RecommendationApi.RecommendFromAsync(app, Client, Input)).ErrorCode);
        listener.RecordObservableInstruments();

        Assert.Equal(2, Where("solves").Count(m => (string?)m.Tags["status"] == "OPTIMAL"));
        Assert.Equal(2, Where("solve.duration").Count(m => (string?)m.Tags["status"] == "OPTIMAL"));
        Assert.Equal([0.0, 0.0], Where("solve.gap").Select(m => m.Value));
        Assert.Equal(["acquired", "acquired", "busy"], Where("queue.wait").Select(m => (string)m.Tags["outcome"]!).Order(StringComparer.Ordinal));
        Assert.Equal(1, Assert.Single(Where("solver_busy")).Value);
        Assert.Equal("CALLER", Assert.Single(Where("quota_refusals")).Tags["scope"]);
        var stored = Assert.Single(Where("stored"));
        Assert.Equal(2, stored.Value);
        Assert.Equal("memory", stored.Tags["store"]);
        Assert.Empty(Where("store.breaker_state")); // The in-memory store has no breaker.
    }

    [Fact]
    public void A_remote_stores_breaker_failures_and_buffer_are_observed()
    {
        var status = new FixedStoreStatus(new RecommendationStoreHealth(
            "redis", RecommendationStoreState.Degraded, CircuitState.Open, 1234, 5, 3, 1, 17, "reserve: no answer within 250 ms", null));
        using var metrics = new RecommendationMetrics(status);
        meter = metrics.Meter;
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(2, Assert.Single(Where("store.breaker_state")).Value);
        Assert.Equal(1234, Assert.Single(Where("stored")).Value);
        Assert.Equal(5, Assert.Single(Where("store.pending")).Value);
        Assert.Equal(17, Assert.Single(Where("store.short_circuited")).Value);
        Assert.Equal(3, Assert.Single(Where("store.failures"), m => (string?)m.Tags["reason"] == "timeout").Value);
        Assert.Equal(1, Assert.Single(Where("store.failures"), m => (string?)m.Tags["reason"] == "error").Value);
        Assert.All(measurements, m => Assert.Equal("redis", m.Tags["store"]));
    }

    [Fact]
    public async Task The_instruments_are_on_metrics()
    {
        api.Settings["Recommendations:MaxStoredPerCaller"] = "1";
        using var app = App();
        await RecommendationApi.RecommendFromAsync(app, Client, Input);
        await RecommendationApi.RecommendFromAsync(app, Client, Input);

        using var client = app.CreateClient();
        var body = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        // prometheus-net names a series meter_instrument; its registry is process-wide, so other tests add to the same series.
        Assert.Matches("recommender_recommendations_solves\\{[^}]*status=\"OPTIMAL\"[^}]*\\} [1-9]", body);
        Assert.Matches("recommender_recommendations_solve_duration_count\\{[^}]*status=\"OPTIMAL\"[^}]*\\} [1-9]", body);
        Assert.Matches("recommender_recommendations_queue_wait_count\\{[^}]*outcome=\"acquired\"[^}]*\\} [1-9]", body);
        Assert.Matches("recommender_recommendations_quota_refusals\\{[^}]*scope=\"CALLER\"[^}]*\\} [1-9]", body);
        Assert.Matches("recommender_recommendations_stored\\{[^}]*store=\"memory\"[^}]*\\} [0-9]", body);
    }

    private void Listen(WebApplicationFactory<Program> app)
    {
        meter = app.Services.GetRequiredService<RecommendationMetrics>().Meter;
        listener.Start();
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Where(string instrument)
    {
        lock (measurements)
        {
            return [.. measurements.Where(m => m.Instrument == instrument)];
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (measurements)
        {
            measurements.Add((instrument.Name, value, copy));
        }
    }

    private WebApplicationFactory<Program> App() =>
        api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IRecommender>(recommender)));

    private sealed class FixedStoreStatus(RecommendationStoreHealth health) : IRecommendationStoreStatus
    {
        public RecommendationStoreHealth GetHealth() => health;
    }
}
