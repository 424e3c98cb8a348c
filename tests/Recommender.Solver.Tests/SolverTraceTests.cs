using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary><see cref="SolverOptions.Trace"/>: each stage of a solve is reported, with figures that agree with the answer.</summary>
public sealed class SolverTraceTests
{
    // Needs a real search: 18 candidates, the CP-SAT model finds several layouts before its proof (checked below).
    private static readonly LayoutRequest Request = Layouts.Request(60, 200) with { MaxNodes = 60, OnDemandPct = 30 };

    private static (Recommendation Answer, List<SolverTraceEvent> Events) Solve(SolverOptions options)
    {
        var events = new List<SolverTraceEvent>();
        var recommender = new CpSatRecommender(options with { Trace = events.Add }, TimeProvider.System);
        return (recommender.Recommend(Request, RandomCatalog.Create(7, 20)), events);
    }

    private static long Micros(Recommendation answer) => PriceScale.ToMicros(answer.Layouts[0].HourlyPrice);

    [Fact]
    public void A_finished_branch_and_bound_reports_its_optimum_and_cp_sat_never_runs()
    {
        var (answer, events) = Solve(SolverOptions.Deterministic with { TimeLimit = TimeSpan.FromSeconds(10), CoverSearchBudget = TimeSpan.FromSeconds(10) });

        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
        var search = Assert.Single(events);
        Assert.Equal(SolverStage.CoverSearch, search.Stage);
        Assert.True(search.Finished);
        Assert.Equal(Micros(answer), search.PriceMicros);
        Assert.InRange(search.BoundMicros!.Value, 1, search.PriceMicros!.Value);
        Assert.True(search.States > 1);
    }

    [Fact]
    public void Cp_sat_reports_each_better_layout_then_its_proof()
    {
        var (answer, events) = Solve(SolverOptions.Deterministic with { TimeLimit = TimeSpan.FromSeconds(10), CoverSearchBudget = TimeSpan.Zero });

        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
        Assert.DoesNotContain(events, e => e.Stage == SolverStage.CoverSearch);
        var found = events.Where(e => e.Stage == SolverStage.CpSatSolution).ToList();
        Assert.True(found.Count >= 2, $"{found.Count} layouts found");
        for (var i = 1; i < found.Count; i++)
        {
            Assert.True(found[i].PriceMicros <= found[i - 1].PriceMicros, "each layout reported is at least as cheap as the one before");
            Assert.True(found[i].Elapsed >= found[i - 1].Elapsed);
        }

        Assert.All(found, e => Assert.True(e.BoundMicros <= e.PriceMicros));
        var end = events[^1];
        Assert.Equal(SolverStage.CpSat, end.Stage);
        Assert.True(end.Finished);
        Assert.Equal(Micros(answer), end.PriceMicros);
        Assert.Equal(end.PriceMicros, end.BoundMicros);
        Assert.Equal(Micros(answer), found[^1].PriceMicros);
    }

    [Fact]
    public void A_branch_and_bound_out_of_budget_reports_no_proof_before_cp_sat_takes_over()
    {
        var (answer, events) = Solve(SolverOptions.Deterministic with { TimeLimit = TimeSpan.FromSeconds(10), CoverSearchBudget = TimeSpan.FromTicks(1) });

        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
        Assert.Equal(SolverStage.CoverSearch, events[0].Stage);
        Assert.False(events[0].Finished);
        Assert.Equal(SolverStage.CpSat, events[^1].Stage);
        Assert.True(events[^1].Finished);
        Assert.Equal(Micros(answer), events[^1].PriceMicros);
    }
}
