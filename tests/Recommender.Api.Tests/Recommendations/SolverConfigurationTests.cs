using Microsoft.Extensions.Configuration;
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
