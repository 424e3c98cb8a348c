using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Api.Recommendations;
using Recommender.Solver;

namespace Recommender.Api.Tests.Recommendations;

public sealed class SolverConfigurationTests
{
    [Fact]
    public void Unset_values_keep_the_service_defaults()
    {
        var options = RecommendationServiceCollectionExtensions.SolverOptionsFrom(Section([]));

        Assert.Equal(TimeSpan.FromSeconds(10), options.TimeLimit);
        Assert.Equal(new SolverOptions().Workers, options.Workers);
        var proof = RecommendationServiceCollectionExtensions.ProofOptionsFrom(Section([]));
        Assert.Equal(TimeSpan.FromMilliseconds(100), proof.AnswerWithin);
        Assert.Equal(options.TimeLimit, proof.TimeLimit);
        Assert.Equal(1, proof.BackgroundWorkers);
        Assert.Equal(TimeSpan.FromSeconds(1), proof.ScaleOutWithin);
    }

    [Fact]
    public void A_scale_out_without_a_time_limit_gets_scale_out_within_and_may_ask_for_up_to_the_whole_limit()
    {
        var proof = RecommendationServiceCollectionExtensions.ProofOptionsFrom(Section(new() { ["Solver:TimeLimit"] = "00:00:08", ["Solver:ScaleOutWithin"] = "00:00:00.750" }));
        var solver = new Recommender.Expander.ScaleOut.ScaleOutSolver(proof.TimeLimit, defaultTimeLimit: proof.ScaleOutWithin);

        Assert.Equal((750, 8000), (solver.DefaultTimeLimitMs, solver.MaxTimeLimitMs));
        Assert.Equal(8000, new Recommender.Expander.ScaleOut.ScaleOutSolver(proof.TimeLimit).DefaultTimeLimitMs);
    }

    [Fact]
    public async Task The_service_gives_scale_outs_one_second_by_default_not_the_whole_limit()
    {
        await using var api = new ApiFactory();

        var solver = api.Services.GetRequiredService<Recommender.Expander.ScaleOut.ScaleOutSolver>();

        Assert.Equal((1000, 10_000), (solver.DefaultTimeLimitMs, solver.MaxTimeLimitMs));
    }

    [Fact]
    public void The_answer_time_and_the_background_come_from_the_same_section()
    {
        var proof = RecommendationServiceCollectionExtensions.ProofOptionsFrom(Section(new()
        {
            ["Solver:TimeLimit"] = "00:00:05",
            ["Solver:AnswerWithin"] = "00:00:00.050",
            ["Solver:BackgroundWorkers"] = "2",
            ["Solver:BackgroundQueueLength"] = "7",
        }));

        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50), 2, 7), (proof.TimeLimit, proof.AnswerWithin, proof.BackgroundWorkers, proof.BackgroundQueueLength));
    }

    [Theory]
    [InlineData("Solver:AnswerWithin", "00:00:00")]
    [InlineData("Solver:AnswerWithin", "00:00:11")]
    [InlineData("Solver:ScaleOutWithin", "00:00:00")]
    [InlineData("Solver:ScaleOutWithin", "00:00:11")]
    [InlineData("Solver:BackgroundWorkers", "-1")]
    [InlineData("Solver:BackgroundQueueLength", "0")]
    public void A_nonsense_answer_time_or_background_is_refused_at_start_up(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => RecommendationServiceCollectionExtensions.ProofOptionsFrom(Section(new() { [key] = value })));

    [Fact]
    public void Time_limit_workers_and_seed_come_from_configuration()
    {
        var options = RecommendationServiceCollectionExtensions.SolverOptionsFrom(
            Section(new() { ["Solver:TimeLimit"] = "00:00:00.250", ["Solver:Workers"] = "1", ["Solver:RandomSeed"] = "7" }));

        Assert.Equal(TimeSpan.FromMilliseconds(250), options.TimeLimit);
        Assert.Equal(1, options.Workers);
        Assert.Equal(7, options.RandomSeed);
    }

    [Theory]
    [InlineData("Solver:TimeLimit", "00:00:00")]
    [InlineData("Solver:Workers", "0")]
    [InlineData("Solver:CoverSearchBudget", "-00:00:01")]
    public void Nonsense_is_refused_at_start_up(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => RecommendationServiceCollectionExtensions.SolverOptionsFrom(Section(new() { [key] = value })));

    [Fact]
    public void Experiment_switches_are_not_configuration()
    {
        var options = RecommendationServiceCollectionExtensions.SolverOptionsFrom(Section(new()
        {
            ["Solver:SearchBranching"] = "SIDEWAYS",
            ["Solver:ExtraParameters"] = "symmetry_level:high",
            ["Solver:PruneDominated"] = "false",
            ["Solver:UseGroupCuts"] = "false",
            ["Solver:RelativeGapLimit"] = "0.5",
            ["Solver:TwoSolveTieBreak"] = "true",
            ["Solver:CoverSearchStateLimit"] = "3",
        }));

        Assert.Equal(SolverOptions.Default, options);
    }

    [Fact]
    public async Task The_warm_up_runs_in_the_background_and_loads_the_solver()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var service = new SolverWarmUpService(factory.CreateLogger<SolverWarmUpService>());

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!;

        var entry = Assert.Single(logs.Entries, e => e.Category == typeof(SolverWarmUpService).FullName);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("CP-SAT solver warmed up", entry.Message);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(RecommendationServiceCollectionExtensions.SolverSection);
}
