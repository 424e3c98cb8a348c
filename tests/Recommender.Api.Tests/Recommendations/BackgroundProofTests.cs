using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Recommender.Api.Recommendations;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>Answers on the caller's clock, proofs in the background: the flow through the API with a scripted recommender.</summary>
public sealed class BackgroundProofTests : IDisposable
{
    private const string Fields = """
        id status lowerBound gap explanation proof provenAt createdAt
        layouts { hourlyPrice }
        request { timeLimitMs wait }
        improvements { at changes previousStatus status previousHourlyPrice hourlyPrice previousLowerBound lowerBound previousGap gap }
        """;

    private const string Recommend = $"query($input: LayoutRequest!) {{ recommendLayout(input: $input) {{ {Fields} }} }}";
    private const string Read = $"query($id: ID!) {{ recommendation(id: $id) {{ {Fields} }} }}";

    private static readonly object Input = new { region = "cn-test", cpu = 1 };

    private readonly ApiFactory api = new();
    private readonly ProvingRecommender recommender = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    public BackgroundProofTests()
    {
        api.Settings["Solver:AnswerWithin"] = $"00:00:00.{ProvingRecommender.AnswerWithinMs}";
        api.Settings["Solver:TimeLimit"] = "00:00:10";
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task An_unproven_answer_is_given_at_once_then_proven_in_the_background_and_updated_in_place()
    {
        using var app = App();

        var answer = await RecommendAsync(app, Input);

        Assert.Equal("FEASIBLE", answer.GetProperty("status").GetString());
        Assert.Equal("PROVING", answer.GetProperty("proof").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("provenAt").ValueKind);
        Assert.Empty(answer.GetProperty("improvements").EnumerateArray());
        var price = answer.GetProperty("layouts")[0].GetProperty("hourlyPrice").GetDecimal();

        var final = await UntilDoneAsync(app, answer.GetProperty("id").GetString()!);

        Assert.Equal("OPTIMAL", final.GetProperty("status").GetString());
        Assert.Equal(price * 0.75m, final.GetProperty("layouts")[0].GetProperty("hourlyPrice").GetDecimal());
        Assert.Equal(final.GetProperty("layouts")[0].GetProperty("hourlyPrice").GetDecimal(), final.GetProperty("lowerBound").GetDecimal());
        Assert.Equal(0, final.GetProperty("gap").GetDouble());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("explanation").ValueKind);
        Assert.Equal(time.GetUtcNow(), final.GetProperty("provenAt").GetDateTimeOffset());
        var improvement = Assert.Single(final.GetProperty("improvements").EnumerateArray());
        Assert.Equal(["STATUS", "PRICE", "BOUND", "GAP", "LAYOUTS"], improvement.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("FEASIBLE", improvement.GetProperty("previousStatus").GetString());
        Assert.Equal("OPTIMAL", improvement.GetProperty("status").GetString());
        Assert.Equal(price, improvement.GetProperty("previousHourlyPrice").GetDecimal());
        Assert.Equal(price * 0.5m, improvement.GetProperty("previousLowerBound").GetDecimal());
        Assert.Equal(1, recommender.ForegroundCalls);
        Assert.Equal(1, recommender.BackgroundCalls);
        // The background solve got the rest of the whole limit (the fake clock stood still: all of it).
        Assert.Equal([ProvingRecommender.AnswerWithinMs, 10_000], recommender.TimeLimits);
    }

    [Fact]
    public async Task A_proven_answer_is_done_at_once_and_nothing_runs_in_the_background()
    {
        recommender.Answer = (RecommendationStatus.Optimal, 1, 1);
        using var app = App();

        var answer = await RecommendAsync(app, Input);

        Assert.Equal("OPTIMAL", answer.GetProperty("status").GetString());
        Assert.Equal("DONE", answer.GetProperty("proof").GetString());
        Assert.Equal(time.GetUtcNow(), answer.GetProperty("provenAt").GetDateTimeOffset());
        Assert.Equal(0, recommender.BackgroundCalls);
    }

    [Fact]
    public async Task A_background_solve_that_finds_nothing_better_leaves_the_answer_as_given_and_done()
    {
        recommender.Proof = (RecommendationStatus.Feasible, 3, 0.5m);
        using var app = App();
        var answer = await RecommendAsync(app, Input);

        var final = await UntilDoneAsync(app, answer.GetProperty("id").GetString()!);

        Assert.Equal("FEASIBLE", final.GetProperty("status").GetString());
        Assert.Equal(answer.GetProperty("layouts")[0].GetProperty("hourlyPrice").GetDecimal(), final.GetProperty("layouts")[0].GetProperty("hourlyPrice").GetDecimal());
        Assert.Equal(answer.GetProperty("lowerBound").GetDecimal(), final.GetProperty("lowerBound").GetDecimal());
        Assert.Empty(final.GetProperty("improvements").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("provenAt").ValueKind);
    }

    [Fact]
    public async Task With_wait_the_request_solves_up_to_the_whole_limit_and_answers_done()
    {
        using var app = App();

        var answer = await RecommendAsync(app, new { region = "cn-test", cpu = 1, wait = true });

        Assert.Equal("OPTIMAL", answer.GetProperty("status").GetString());
        Assert.Equal("DONE", answer.GetProperty("proof").GetString());
        Assert.True(answer.GetProperty("request").GetProperty("wait").GetBoolean());
        Assert.Equal([10_000], recommender.TimeLimits);
        Assert.Equal(0, recommender.ForegroundCalls);
    }

    [Fact]
    public async Task When_the_queue_is_full_an_unproven_answer_is_final_as_given_and_says_so()
    {
        api.Settings["Solver:BackgroundQueueLength"] = "1";
        recommender.BackgroundGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var app = App();
        var proving = await RecommendAsync(app, Input); // taken by the worker, held in its solve
        await recommender.BackgroundEntered.Task;
        var queued = await RecommendAsync(app, Input); // the one place in the queue

        var refused = await RecommendAsync(app, Input);

        Assert.Equal("PROVING", queued.GetProperty("proof").GetString());
        Assert.Equal("DONE", refused.GetProperty("proof").GetString());
        Assert.Equal("FEASIBLE", refused.GetProperty("status").GetString());
        Assert.Contains("queue was full", refused.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var stored = await ReadAsync(app, refused.GetProperty("id").GetString()!);
        Assert.Equal("DONE", stored.GetProperty("proof").GetString());
        Assert.Contains("queue was full", stored.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, app.Services.GetRequiredService<BackgroundProofQueue>().Depth);

        recommender.BackgroundGate.SetResult();
        Assert.Equal("OPTIMAL", (await UntilDoneAsync(app, proving.GetProperty("id").GetString()!)).GetProperty("status").GetString());
        Assert.Equal("OPTIMAL", (await UntilDoneAsync(app, queued.GetProperty("id").GetString()!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_takes_the_only_slot_from_a_background_solve_even_with_no_queue_time()
    {
        api.Settings["Recommendations:MaxConcurrentSolves"] = "1";
        api.Settings["Recommendations:QueueTimeout"] = "00:00:00";
        recommender.BackgroundGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var app = App();
        var first = await RecommendAsync(app, Input);
        await recommender.BackgroundEntered.Task; // the background solve holds the only slot, until its token fires

        recommender.Answer = (RecommendationStatus.Optimal, 1, 1);
        var second = await RecommendAsync(app, Input);

        Assert.Equal("OPTIMAL", second.GetProperty("status").GetString());
        recommender.BackgroundGate.SetResult();
        var final = await UntilDoneAsync(app, first.GetProperty("id").GetString()!);
        Assert.Equal("OPTIMAL", final.GetProperty("status").GetString());
        Assert.True(recommender.BackgroundCalls >= 2, "the stopped background solve started again");
    }

    [Fact]
    public async Task A_record_whose_proof_never_finished_shows_done_once_its_budget_has_passed_and_expires_as_usual()
    {
        recommender.BackgroundGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var app = App();
        var answer = await RecommendAsync(app, Input);
        var id = answer.GetProperty("id").GetString()!;
        await recommender.BackgroundEntered.Task;

        // As after a restart: the worker never writes its result; the record's own instant says when proving ends.
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("PROVING", (await ReadAsync(app, id)).GetProperty("proof").GetString());
        time.Advance(TimeSpan.FromSeconds(1));
        var read = await ReadAsync(app, id);
        Assert.Equal("DONE", read.GetProperty("proof").GetString());
        Assert.Equal("FEASIBLE", read.GetProperty("status").GetString());

        time.Advance(TimeSpan.FromHours(24));
        var gone = await RecommendationApi.PostAsync(app, Read, new { id });
        Assert.Equal("NOT_FOUND", gone.ErrorCode);
        recommender.BackgroundGate.SetResult();
    }

    [Fact]
    public async Task Answers_by_status_when_given_and_when_final_time_to_proof_and_the_queue_are_measured()
    {
        recommender.BackgroundGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var app = App();
        var metrics = app.Services.GetRequiredService<RecommendationMetrics>();
        var measured = new List<(string Instrument, double Value, string? Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument i, double v, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var tag = tags.Length > 0 ? (string?)tags[0].Value : null;
            lock (measured)
            {
                measured.Add((i.Name, v, tag));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();

        var first = await RecommendAsync(app, Input);
        await recommender.BackgroundEntered.Task;
        await RecommendAsync(app, Input); // waits in the queue behind the held proof
        listener.RecordObservableInstruments();
        recommender.BackgroundGate.SetResult();
        await UntilDoneAsync(app, first.GetProperty("id").GetString()!);
        recommender.Answer = (RecommendationStatus.Optimal, 1, 1);
        await RecommendAsync(app, Input);
        var all = await ReadAllDoneAsync(measured);

        Assert.Equal(["FEASIBLE", "FEASIBLE", "OPTIMAL"], all.Where(m => m.Instrument == "answers").Select(m => m.Tag).Order(StringComparer.Ordinal));
        Assert.Equal(["OPTIMAL", "OPTIMAL", "OPTIMAL"], all.Where(m => m.Instrument == "answers.final").Select(m => m.Tag));
        Assert.Equal(["answer", "background", "background"], all.Where(m => m.Instrument == "proof.duration").Select(m => m.Tag).Order(StringComparer.Ordinal));
        Assert.Equal(1, all.First(m => m.Instrument == "proof.queue_depth").Value);
    }

    /// <summary>The measurements once every background proof has ended (the worker records its final one on its own thread).</summary>
    private static async Task<List<(string Instrument, double Value, string? Tag)>> ReadAllDoneAsync(
        List<(string Instrument, double Value, string? Tag)> measured)
    {
        for (var attempt = 0; ; attempt++)
        {
            lock (measured)
            {
                if (measured.Count(m => m.Instrument == "answers.final") >= 3 || attempt == 1_000)
                {
                    return [.. measured];
                }
            }

            await Task.Delay(10);
        }
    }

    private static async Task<JsonElement> RecommendAsync(WebApplicationFactory<Program> app, object input)
    {
        var response = await RecommendationApi.PostAsync(app, Recommend, new { input });
        Assert.False(response.Json.TryGetProperty("errors", out _), response.ToString());
        return response.Data.GetProperty("recommendLayout");
    }

    private static async Task<JsonElement> ReadAsync(WebApplicationFactory<Program> app, string id)
    {
        var response = await RecommendationApi.PostAsync(app, Read, new { id });
        Assert.False(response.Json.TryGetProperty("errors", out _), response.ToString());
        return response.Data.GetProperty("recommendation");
    }

    /// <summary>Reads the recommendation until its proof is DONE (the background worker runs on its own thread).</summary>
    private static async Task<JsonElement> UntilDoneAsync(WebApplicationFactory<Program> app, string id)
    {
        for (var attempt = 0; ; attempt++)
        {
            var read = await ReadAsync(app, id);
            if (read.GetProperty("proof").GetString() == "DONE" || attempt == 1_000)
            {
                return read;
            }

            await Task.Delay(10);
        }
    }

    private WebApplicationFactory<Program> App() =>
        api.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IRecommender>(recommender);
            s.AddSingleton<TimeProvider>(time);
        }));
}
