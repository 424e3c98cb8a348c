using Microsoft.Extensions.Time.Testing;

namespace Recommender.Solver.Tests;

/// <summary>One branch-and-bound budget per request: it starts with the first search, and later searches share what is left.</summary>
public sealed class CoverBudgetTests
{
    [Fact]
    public void The_budget_starts_with_the_first_search_and_is_shared_by_the_next()
    {
        var time = new FakeTimeProvider();
        var budget = new CoverBudget(TimeSpan.FromMilliseconds(10), time);
        time.Advance(TimeSpan.FromSeconds(1)); // set-up before the first search does not count

        Assert.True(budget.HasTimeLeft);
        var end = budget.End;
        time.Advance(TimeSpan.FromMilliseconds(6));
        Assert.True(budget.HasTimeLeft);
        Assert.Equal(end, budget.End);
        time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.False(budget.HasTimeLeft);
    }

    [Fact]
    public void A_zero_budget_never_has_time()
    {
        Assert.False(new CoverBudget(TimeSpan.Zero, new FakeTimeProvider()).HasTimeLeft);
    }
}
