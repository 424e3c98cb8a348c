using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// First layouts for <see cref="CoverSearch"/> from the root LP solution, so the search starts with a close upper
/// bound instead of diving for one: (a) round every LP count up; (b) round down and cover what is left with the
/// candidate that covers it alone most cheaply; then drop nodes (dearest pools first) while the layout still covers
/// everything. Each is offered only if it passes every rule.
/// </summary>
/// <param name="counts">The search's per-depth counts: filled here, read by <paramref name="offer"/>, cleared after.</param>
/// <param name="offer">The search's incumbent update for a valid layout of <paramref name="counts"/>.</param>
internal sealed class LpRounding(NodePoolProblem problem, CoverTables tables, LagrangianBound bound, int[] counts, Action<CoverState> offer)
{
    private readonly PoolCandidate[] at = tables.At;

    public void Seed(CoverState root, IReadOnlyList<double> lp)
    {
        var (count, upper) = (tables.Count, tables.Upper);
        for (var d = 0; d < count; d++)
        {
            counts[d] = (int)Math.Min(upper[d], Math.Ceiling(lp[d] - 1e-9));
        }

        OfferTrimmed(root);
        for (var d = 0; d < count; d++)
        {
            counts[d] = (int)Math.Min(upper[d], Math.Floor(lp[d] + 1e-9));
        }

        var s = Fold(root);
        var (cheapest, nodes) = (-1, 0L);
        for (var d = 0; d < count; d++)
        {
            if (at[d].IsSpot && (s.OnDemandCpu > 0 || s.OnDemandMemory > 0))
            {
                continue; // spot cannot provide what is left of the share
            }

            var need = s.NodesToFinish(problem, at[d]);
            if (need > 0 && counts[d] + need <= upper[d] && (cheapest < 0 || need * at[d].PriceMicros < nodes * at[cheapest].PriceMicros))
            {
                (cheapest, nodes) = (d, need);
            }
        }

        if (cheapest >= 0)
        {
            counts[cheapest] += (int)nodes;
        }

        OfferTrimmed(root);
        Array.Clear(counts);
    }

    /// <summary>Drops nodes of the counts (dearest first) while they still cover, then offers them if valid.</summary>
    private void OfferTrimmed(CoverState root)
    {
        foreach (var d in Enumerable.Range(0, tables.Count).OrderByDescending(d => at[d].PriceMicros))
        {
            while (counts[d] > 0)
            {
                counts[d]--;
                var trimmed = Fold(root);
                // Only what trimming can break counts here: node and pool numbers only fall.
                if (!(trimmed with { Nodes = Math.Min(trimmed.Nodes, problem.MaxNodes), Pools = Math.Min(trimmed.Pools, problem.MaxPools) }).Allowed(problem))
                {
                    counts[d]++;
                    break;
                }
            }
        }

        var s = Fold(root);
        if (s.Allowed(problem))
        {
            offer(s);
        }
    }

    /// <summary>The state of the counts; one of "never valid" nodes when they mix sizes under sameSize.</summary>
    private CoverState Fold(CoverState root)
    {
        var s = root;
        for (var d = 0; d < tables.Count; d++)
        {
            if (counts[d] > 0)
            {
                var shape = s.Shape;
                s = s.Add(at[d], counts[d], bound.DiversityTerm(d));
                if (!SameSizeRule.Allows(problem, shape, at[d].Shape))
                {
                    return s with { Nodes = NodeCover.Never }; // mixed sizes: never valid
                }
            }
        }

        return s;
    }
}
