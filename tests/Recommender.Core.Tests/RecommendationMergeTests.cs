using Recommender.Core.Recommendations;

namespace Recommender.Core.Tests;

/// <summary>Folding later solves into an answer: it only ever gets better, and its alternatives keep their rules.</summary>
public sealed class RecommendationMergeTests
{
    private static readonly string[] Types = ["ecs.a", "ecs.b", "ecs.c", "ecs.d", "ecs.e"];

    [Fact]
    public void A_later_proof_of_the_same_layout_makes_the_answer_optimal_with_its_bound()
    {
        var given = Answer(RecommendationStatus.Feasible, 7m, Layout(10m, "ecs.a"));
        var proven = Answer(RecommendationStatus.Optimal, 10m, Layout(10m, "ecs.a"));

        var merged = RecommendationMerge.Merge(given, proven, 1);

        Assert.Equal(RecommendationStatus.Optimal, merged.Status);
        Assert.Equal(10m, merged.LowerBound);
        Assert.Equal(0, merged.Gap);
        Assert.Null(merged.Explanation);
        var change = RecommendationMerge.Improvement(given, merged, DateTimeOffset.UnixEpoch)!;
        Assert.Equal(RecommendationChanges.Status | RecommendationChanges.Bound | RecommendationChanges.Gap, change.Changes);
        Assert.Equal((RecommendationStatus.Feasible, RecommendationStatus.Optimal), (change.PreviousStatus, change.Status));
        Assert.Equal((7m, 10m), (change.PreviousLowerBound, change.LowerBound));
    }

    [Fact]
    public void A_dearer_later_layout_never_replaces_the_answer_but_its_bound_counts()
    {
        var given = Answer(RecommendationStatus.Feasible, 7m, Layout(10m, "ecs.a"));
        var worse = Answer(RecommendationStatus.Feasible, 8m, Layout(11m, "ecs.b"));

        var merged = RecommendationMerge.Merge(given, worse, 1);

        Assert.Equal(10m, merged.Layouts[0].HourlyPrice);
        Assert.Equal(8m, merged.LowerBound);
        Assert.Equal(0.2, merged.Gap!.Value, 6);
        Assert.Equal(RecommendationStatus.Feasible, merged.Status);
    }

    [Fact]
    public void On_a_price_tie_the_current_layout_stays_unless_the_later_one_needs_fewer_nodes()
    {
        var given = Answer(RecommendationStatus.Feasible, 7m, Layout(10m, "ecs.a"));
        var same = Answer(RecommendationStatus.Feasible, 7m, Layout(10m, "ecs.b"));
        var fewer = Answer(RecommendationStatus.Feasible, 7m, Layout(10m, "ecs.c") with { NodeCount = 0 });

        Assert.Same(given.Layouts[0], RecommendationMerge.Merge(given, same, 1).Layouts[0]);
        Assert.Null(RecommendationMerge.Improvement(given, RecommendationMerge.Merge(given, same, 1), DateTimeOffset.UnixEpoch));
        Assert.Same(fewer.Layouts[0], RecommendationMerge.Merge(given, fewer, 1).Layouts[0]);
    }

    [Fact]
    public void A_proof_that_nothing_fits_replaces_an_answer_without_layouts()
    {
        var nothing = Answer(RecommendationStatus.TimedOut, null);
        var infeasible = Answer(RecommendationStatus.Infeasible, null) with { Explanation = "No type has a GPU." };

        var merged = RecommendationMerge.Merge(nothing, infeasible, 1);

        Assert.Equal(RecommendationStatus.Infeasible, merged.Status);
        Assert.Equal("No type has a GPU.", merged.Explanation);
        Assert.True(RecommendationMerge.IsProven(merged));
    }

    [Fact]
    public void Random_sequences_of_later_solves_never_make_the_answer_dearer_or_its_bound_lower()
    {
        var random = new Random(19);
        for (var run = 0; run < 2_000; run++)
        {
            var optimum = random.Next(10, 100);
            var alternatives = random.Next(1, 4);
            var current = RandomSolve(random, optimum, alternatives, allowProof: false);
            for (var step = 0; step < 6; step++)
            {
                var later = RandomSolve(random, optimum, alternatives, allowProof: true);
                var merged = RecommendationMerge.Merge(current, later, alternatives);
                AssertNoWorse(current, merged, alternatives, $"run {run} step {step}");
                if (current.Layouts.Count > 0 && later.Layouts.Count > 0)
                {
                    Assert.True(merged.Layouts[0].HourlyPrice <= Math.Min(current.Layouts[0].HourlyPrice, later.Layouts[0].HourlyPrice));
                }

                if (later.Status == RecommendationStatus.Optimal)
                {
                    Assert.Equal(RecommendationStatus.Optimal, merged.Status);
                    Assert.Equal(optimum, merged.Layouts[0].HourlyPrice);
                }

                current = merged;
            }
        }
    }

    private static void AssertNoWorse(Recommendation before, Recommendation after, int alternatives, string where)
    {
        if (before.Layouts.Count > 0)
        {
            Assert.True(after.Layouts.Count > 0, where);
            Assert.True(after.Layouts[0].HourlyPrice <= before.Layouts[0].HourlyPrice, where);
        }

        if (before.LowerBound is { } bound)
        {
            Assert.True(after.LowerBound >= bound, where);
        }

        if (after.Layouts.Count > 0)
        {
            var price = after.Layouts[0].HourlyPrice;
            Assert.True(after.LowerBound is null || after.LowerBound <= price, where);
            Assert.Equal(after.LowerBound == price, after.Status == RecommendationStatus.Optimal);
            if (after.LowerBound is { } lb)
            {
                Assert.Equal((double)((price - lb) / price), after.Gap!.Value, 9);
            }

            // Alternatives: at most as many as asked, cheapest first after the best, each a different set of types.
            Assert.InRange(after.Layouts.Count, 1, alternatives);
            var rest = after.Layouts.Skip(1).Select(l => l.HourlyPrice).ToList();
            Assert.Equal(rest.Order(), rest);
            var sets = after.Layouts.Select(l => string.Join(',', l.Pools.Select(p => p.InstanceType).Order(StringComparer.Ordinal))).ToList();
            Assert.Equal(sets.Count, sets.Distinct(StringComparer.Ordinal).Count());
        }
    }

    /// <summary>What a time-limited solve may return when the optimum costs <paramref name="optimum"/>.</summary>
    private static Recommendation RandomSolve(Random random, int optimum, int alternatives, bool allowProof)
    {
        switch (random.Next(allowProof ? 4 : 3))
        {
            case 0:
                return random.Next(2) == 0
                    ? Answer(RecommendationStatus.TimedOut, null)
                    : Answer(RecommendationStatus.TimedOut, null, Layout(optimum + random.Next(5, 20), RandomTypes(random)));
            case 3:
                return Answer(RecommendationStatus.Optimal, optimum, Layouts(random, optimum, optimum, alternatives));
            default:
                var first = optimum + random.Next(0, 10);
                var bound = random.Next(2) == 0 ? (decimal?)null : optimum - random.Next(0, optimum);
                return Answer(RecommendationStatus.Feasible, bound, Layouts(random, optimum, first, alternatives));
        }
    }

    /// <summary>A best layout at <paramref name="first"/>, then alternatives as a solve gives them (distinct type sets).</summary>
    private static Layout[] Layouts(Random random, int optimum, int first, int alternatives)
    {
        var layouts = new List<Layout> { Layout(first, RandomTypes(random)) };
        var price = Math.Max(first, optimum);
        while (layouts.Count < random.Next(1, alternatives + 1))
        {
            price += random.Next(0, 4);
            var types = RandomTypes(random);
            if (layouts.All(l => !l.Pools.Select(p => p.InstanceType).Order().SequenceEqual(types.Order())))
            {
                layouts.Add(Layout(price, types));
            }
        }

        return [.. layouts];
    }

    private static string[] RandomTypes(Random random) =>
        [.. Types.Where(_ => random.Next(3) == 0).DefaultIfEmpty(Types[random.Next(Types.Length)])];

    private static Recommendation Answer(RecommendationStatus status, decimal? bound, params Layout[] layouts)
    {
        var price = layouts.Length > 0 ? layouts[0].HourlyPrice : (decimal?)null;
        double? gap = status == RecommendationStatus.Optimal ? 0 : price is { } p && bound is { } b ? (double)((p - b) / p) : null;
        return new Recommendation(status, layouts, bound, gap, 1, status == RecommendationStatus.Optimal ? null : "limit", 1, TimeSpan.Zero, "USD");
    }

    private static Layout Layout(decimal price, params string[] types)
    {
        var totals = new ResourceTotals(1, 1, 0, 1);
        var pools = types.Select(t => new LayoutPool(t, CapacityType.OnDemand, 1, price / types.Length, price / types.Length)).ToList();
        return new Layout(pools, price, price * Core.Recommendations.Layout.HoursPerMonth, types.Length, totals, totals, totals);
    }
}
