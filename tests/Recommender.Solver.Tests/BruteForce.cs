using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>
/// Enumerates every layout of up to <c>maxTotal</c> nodes over every (type, capacity type) of a catalog, keeps those
/// the checker accepts and returns the lexicographic best (price, nodes, pools). Shares no code with the solver
/// except the checker.
/// </summary>
public static class BruteForce
{
    /// <summary>
    /// Solves <paramref name="request"/> with CP-SAT and asserts the answer is exhaustive enumeration's: INFEASIBLE when
    /// enumeration finds nothing (then null), else OPTIMAL with a valid best layout of the same (price, nodes, pools).
    /// </summary>
    public static Recommendation? AssertSolverMatches(LayoutRequest request, RegionCatalog catalog)
    {
        var expected = Best(request, catalog, request.MaxNodes);
        var answer = Layouts.CpSat.Recommend(request, catalog);
        if (expected is null)
        {
            Assert.Equal(RecommendationStatus.Infeasible, answer.Status);
            return null;
        }

        Assert.Equal(RecommendationStatus.Optimal, answer.Status);
        var best = answer.Layouts[0];
        Layouts.AssertValid(request, catalog, best);
        Assert.Equal(expected, (best.HourlyPrice, best.NodeCount, best.Pools.Count));
        return answer;
    }

    public static (decimal Price, int Nodes, int Pools)? Best(LayoutRequest request, RegionCatalog catalog, int maxTotal)
    {
        var zones = request.Zones is { Count: > 0 } z ? z : catalog.Region.Zones.Select(x => x.Id).ToList();
        var pools = new List<(InstanceOffering Offering, CapacityType Capacity, decimal Price)>();
        foreach (var o in catalog.InstanceTypes)
        {
            pools.Add((o, CapacityType.OnDemand, o.OnDemandPrice));
            var spot = zones.Select(o.SpotPriceIn).ToList();
            if (spot.All(p => p is > 0))
            {
                pools.Add((o, CapacityType.Spot, spot.Max()!.Value));
            }
        }

        (decimal, int, int)? best = null;
        var counts = new int[pools.Count];
        Enumerate(0, maxTotal);
        return best;

        void Enumerate(int index, int left)
        {
            if (index == pools.Count)
            {
                Evaluate();
                return;
            }

            for (var n = 0; n <= left; n++)
            {
                counts[index] = n;
                Enumerate(index + 1, left - n);
            }

            counts[index] = 0;
        }

        void Evaluate()
        {
            var layout = pools.Select((p, i) => new LayoutPool(p.Offering.Name, p.Capacity, counts[i], p.Price, counts[i] * p.Price))
                .Where(p => p.NodeCount > 0).ToList();
            if (layout.Count == 0)
            {
                return;
            }

            var key = (layout.Sum(p => p.HourlyPrice), layout.Sum(p => p.NodeCount), layout.Count);
            if (best is { } b && Compare(key, b) >= 0)
            {
                return;
            }

            if (LayoutChecker.Check(request, catalog, layout).Count == 0)
            {
                best = key;
            }
        }
    }

    private static int Compare((decimal Price, int Nodes, int Pools) a, (decimal Price, int Nodes, int Pools) b) =>
        a.Price != b.Price ? a.Price.CompareTo(b.Price) : a.Nodes != b.Nodes ? a.Nodes.CompareTo(b.Nodes) : a.Pools.CompareTo(b.Pools);
}
