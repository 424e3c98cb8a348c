namespace Recommender.Solver.Tests;

/// <summary><see cref="SolverOptions.Problems"/>: unusable options are named and refused before any solve.</summary>
public sealed class SolverOptionsTests
{
    [Fact]
    public void Options_name_every_problem_and_the_recommender_refuses_them()
    {
        var options = new SolverOptions
        {
            TimeLimit = TimeSpan.Zero,
            Workers = 0,
            CoverSearchBudget = TimeSpan.FromMilliseconds(-1),
        };

        Assert.Equal(
            [
                "TimeLimit must be positive.",
                "Workers must be at least 1.",
                "CoverSearchBudget must not be negative (0 = off).",
            ],
            options.Problems());
        var refused = Assert.Throws<ArgumentException>(() => new CpSatRecommender(options with { TimeLimit = TimeSpan.FromSeconds(1) }, TimeProvider.System));
        Assert.Contains("Workers must be at least 1.", refused.Message, StringComparison.Ordinal);
        Assert.Empty(SolverOptions.Default.Problems());
        Assert.Empty(SolverOptions.Deterministic.Problems());
    }

    [Fact]
    public void Extra_cp_sat_parameters_reach_the_native_solver()
    {
        // A request known to reach CP-SAT (see SolverTraceTests). A deterministic-time budget of zero stops CP-SAT
        // before its first layout, which only the appended text can have done: the answer is the greedy fallback.
        var stages = new List<SolverTraceEvent>();
        var options = SolverOptions.Deterministic with
        {
            ExtraParameters = "max_deterministic_time:0", CoverSearchBudget = TimeSpan.Zero, Trace = stages.Add,
        };
        var answer = new CpSatRecommender(options, TimeProvider.System)
            .Recommend(Layouts.Request(60, 200) with { MaxNodes = 60, OnDemandPct = 30 }, RandomCatalog.Create(7, 20));

        var cpSat = Assert.Single(stages, e => e.Stage == SolverStage.CpSat);
        Assert.Null(cpSat.PriceMicros);
        Assert.Equal(Recommender.Core.Recommendations.RecommendationStatus.TimedOut, answer.Status);
    }
}
