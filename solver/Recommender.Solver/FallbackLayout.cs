using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver.Telescopes;
using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// The layout returned when CP-SAT finds nothing in time: the cheaper of (a) the cheapest single on-demand pool that
/// covers the whole request on its own and (b) the Telescopes greedy layout, when <see cref="LayoutChecker"/> accepts it.
/// Both take microseconds.
/// </summary>
public static class FallbackLayout
{
    public static IReadOnlyList<PoolChoice>? Find(LayoutRequest request, RegionCatalog catalog, NodePoolProblem problem)
    {
        var single = CheapestSinglePool(problem);
        var greedy = new TelescopesGreedyRecommender(useAllocatable: true).Recommend(request, catalog)?.ToPoolChoices(request, catalog);
        if (greedy is not null && LayoutChecker.Check(request, catalog, LayoutFactory.Create(greedy, request).Pools).Count > 0)
        {
            greedy = null;
        }

        if (single is null || greedy is null)
        {
            return single ?? greedy;
        }

        return greedy.Sum(p => p.NodeCount * p.UnitPrice) < single.Sum(p => p.NodeCount * p.UnitPrice) ? greedy : single;
    }

    /// <summary>Price in micros of <see cref="CheapestSinglePool"/>, an upper bound on the optimum; null when there is none.</summary>
    public static long? SinglePoolPriceMicros(NodePoolProblem problem) =>
        CheapestCoveringCandidate(problem) is ({ } c, var nodes) ? nodes * c.PriceMicros : null;

    /// <summary>One on-demand pool covering everything: valid for every rule (on-demand share, sameSize, maxPools, diversity).</summary>
    private static IReadOnlyList<PoolChoice>? CheapestSinglePool(NodePoolProblem problem) =>
        CheapestCoveringCandidate(problem) is ({ } best, var nodes)
            ? [new PoolChoice(best.Offering, CapacityType.OnDemand, (int)nodes, best.UnitPrice)]
            : null;

    private static (PoolCandidate? Candidate, long Nodes) CheapestCoveringCandidate(NodePoolProblem problem)
    {
        PoolCandidate? best = null;
        long bestNodes = 0;
        foreach (var c in problem.Candidates.Where(c => !c.IsSpot))
        {
            var nodes = Math.Max(problem.MinNodes, CoverRule.NodesFor(c, problem.CpuMillis, problem.MemoryMiB, problem.Gpus));
            if (nodes <= problem.MaxNodes && (best is null || nodes * c.PriceMicros < bestNodes * best.PriceMicros))
            {
                best = c;
                bestNodes = nodes;
            }
        }

        return (best, bestNodes);
    }
}
