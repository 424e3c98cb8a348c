using Recommender.Core.Errors;
using Recommender.Solver.Rules;

namespace Recommender.Solver.Tests;

/// <summary>
/// The rules component (<see cref="LayoutRules"/>, which every engine asks) against the independent
/// <see cref="LayoutChecker"/> on random layouts, valid and invalid: they must agree on every one.
/// </summary>
public sealed class LayoutRulesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Rules_agree_with_the_checker_on_random_layouts(int seed)
    {
        var random = new Random(seed);
        var (agreed, valid) = (0, 0);
        for (var round = 0; round < 40; round++)
        {
            var catalog = RandomCatalog.Create((seed * 100) + round, 6);
            var request = RandomRequests.Create(random, catalog, maxNodes: 6);
            NodePoolProblem problem;
            try
            {
                LayoutRequestValidator.Validate(request, catalog);
                problem = NodePoolProblemBuilder.Build(request, catalog, prune: false);
            }
            catch (ValidationException)
            {
                continue;
            }

            for (var sample = 0; sample < 50 && problem.Candidates.Count > 0; sample++)
            {
                var counts = problem.Candidates.Select(_ => random.NextDouble() < 0.3 ? random.Next(1, 4) : 0).ToArray();
                if (counts.All(n => n == 0))
                {
                    continue;
                }

                var layout = LayoutFactory.Create(problem.Candidates.Select((c, i) => new PoolChoice(c.Offering, c.CapacityType, counts[i], c.UnitPrice)), request);
                var checker = LayoutChecker.Check(request, catalog, layout.Pools).Count == 0;
                Assert.Equal(checker, Allowed(problem, counts));
                agreed++;
                valid += checker ? 1 : 0;
            }
        }

        Assert.True(valid > 0 && agreed > valid, $"{agreed} layouts compared, {valid} valid: both kinds needed");
    }

    private static bool Allowed(NodePoolProblem problem, int[] counts)
    {
        var used = Enumerable.Range(0, counts.Length).Where(i => counts[i] > 0).ToList();
        long Sum(Func<PoolCandidate, long> value, Func<PoolCandidate, bool> include) =>
            used.Where(i => include(problem.Candidates[i])).Sum(i => value(problem.Candidates[i]) * counts[i]);
        var totals = new LayoutTotals(
            Sum(c => c.CpuMillis, _ => true),
            Sum(c => c.MemoryMiB, _ => true),
            Sum(c => c.Gpus, _ => true),
            Sum(c => c.CpuMillis, c => !c.IsSpot),
            Sum(c => c.MemoryMiB, c => !c.IsSpot),
            counts.Sum(),
            used.Count,
            Sum(c => c.CpuMillis, c => c.IsSpot),
            used.Count(i => problem.Candidates[i].IsSpot),
            used.Where(i => problem.Candidates[i].IsSpot).Select(i => problem.Candidates[i].CpuMillis * counts[i]).DefaultIfEmpty(0).Max());
        var sizes = used.Select(i => problem.Candidates[i].Shape).ToList();
        return LayoutRules.Allow(problem, totals) && sizes.TrueForAll(s => SameSizeRule.Allows(problem, sizes[0], s));
    }
}
