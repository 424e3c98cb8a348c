namespace Recommender.Solver.Tests;

/// <summary>
/// <see cref="SatParameterText"/> and <see cref="SolverOptions.Problems"/>: CP-SAT aborts the process on parameter
/// text it cannot parse, so every such text must be refused before it reaches the native solver, and text that is
/// accepted must really solve.
/// </summary>
public sealed class SatParameterTextTests
{
    public static TheoryData<string> Accepted => new()
    {
        "log_search_progress:false",
        "max_deterministic_time : 0.5 symmetry_level:2",
        "preferred_variable_order:IN_RANDOM_ORDER cp_model_presolve:true",
        "log_prefix:\"tuning \" subsolvers:\"default_lp\" subsolvers:\"no_lp\"",
        "mip_max_bound:1e7 absolute_gap_limit:-0.0 stop_after_first_solution:f",
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "no_such_parameter:1", "'no_such_parameter' is not a CP-SAT parameter." },
        { "symmetry_level:high", "'high' is not a valid int32 for 'symmetry_level'." },
        { "preferred_variable_order:SIDEWAYS", "'SIDEWAYS' is not a valid value (IN_ORDER, IN_REVERSE_ORDER, IN_RANDOM_ORDER) for 'preferred_variable_order'." },
        { "log_search_progress:yes", "'yes' is not a valid bool for 'log_search_progress'." },
        { "mip_max_bound:1e7x", "'1e7x' is not a valid double for 'mip_max_bound'." },
        { "log_prefix:tuning", "'tuning' is not a valid quoted string for 'log_prefix'." },
        { "symmetry_level:1 symmetry_level:2", "'symmetry_level' is given more than once." },
        { "num_workers:8", "'num_workers' is given more than once (the solver sets it; use its own option)." },
        { "symmetry_level:1 fast", "'fast' is not of the form name:value." },
        { "= symmetry_level:1", "'=' is not of the form name:value." },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_text_really_solves(string text)
    {
        Assert.Empty(SatParameterText.Problems(text));

        // A request known to reach CP-SAT (see SolverTraceTests); the trace proves the native solver ran with the text.
        var stages = new List<SolverStage>();
        var options = SolverOptions.Deterministic with { ExtraParameters = text, CoverSearchBudget = TimeSpan.Zero, Trace = e => stages.Add(e.Stage) };
        var answer = new CpSatRecommender(options, TimeProvider.System)
            .Recommend(Layouts.Request(60, 200) with { MaxNodes = 60, OnDemandPct = 30 }, RandomCatalog.Create(7, 20));

        Assert.Contains(SolverStage.CpSat, stages);
        Assert.NotEmpty(answer.Layouts);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Text_cp_sat_would_abort_on_is_refused_with_the_reason(string text, string problem) =>
        Assert.Equal(problem, Assert.Single(SatParameterText.Problems(text)));

    [Fact]
    public void Options_name_every_problem_and_the_recommender_refuses_them()
    {
        var options = new SolverOptions
        {
            TimeLimit = TimeSpan.Zero,
            Workers = 0,
            CoverSearchBudget = TimeSpan.FromMilliseconds(-1),
            RelativeGapLimit = 2,
            SearchBranching = "SIDEWAYS",
            ExtraParameters = "no_such_parameter:1",
        };

        Assert.Equal(
            [
                "TimeLimit must be positive.",
                "Workers must be at least 1.",
                "CoverSearchBudget must not be negative (0 = off).",
                "RelativeGapLimit must be between 0 and 1.",
                "SearchBranching 'SIDEWAYS' is not a CP-SAT search_branching value.",
                "ExtraParameters: 'no_such_parameter' is not a CP-SAT parameter.",
            ],
            options.Problems());
        var refused = Assert.Throws<ArgumentException>(() => new CpSatRecommender(options with { TimeLimit = TimeSpan.FromSeconds(1), Workers = 1, CoverSearchBudget = TimeSpan.Zero, RelativeGapLimit = 0 }, TimeProvider.System));
        Assert.Contains("SIDEWAYS", refused.Message, StringComparison.Ordinal);
        Assert.Empty(SolverOptions.Default.Problems());
        Assert.Empty(SolverOptions.Deterministic.Problems());
    }
}
