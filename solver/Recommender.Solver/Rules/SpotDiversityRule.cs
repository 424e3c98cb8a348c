using Google.OrTools.Sat;

namespace Recommender.Solver.Rules;

/// <summary>
/// spotDiversity D ≥ 2: spot capacity, when there is any, spans at least D spot types and no spot type carries more
/// than 1/D of the spot vCPU (D·cpu_c·nodes_c ≤ spot vCPU for every spot pool c). D = 1 asks nothing.
/// </summary>
internal static class SpotDiversityRule
{
    public static bool Binds(int d) => d >= 2;

    /// <summary>Spot pool c's side of its share row, D·cpu_c per node (≤ the spot vCPU).</summary>
    public static long ShareWeight(int d, PoolCandidate c) => d * c.CpuMillis;

    /// <summary>Spot vCPU the other spot pools must hold for pool a with x nodes to carry at most 1/D: (D − 1)·cpu_a·x.</summary>
    public static long OthersNeeded(int d, PoolCandidate a, long x) => (d - 1) * a.CpuMillis * x;

    public static bool Holds(int d, in LayoutTotals t) =>
        t.SpotCpu == 0 || !Binds(d) || (t.SpotTypes >= d && d * t.LargestSpotPool <= t.SpotCpu);

    /// <summary>
    /// Pools a layout with spot nodes needs: max(1, D) spot pools, plus an on-demand pool when the share binds (spot
    /// provides none of it). When maxPools allows fewer, no valid layout has a spot node.
    /// </summary>
    public static int PoolsForSpot(int d, bool shareBinds) => Math.Max(1, d) + (shareBinds ? 1 : 0);

    /// <summary>
    /// Spot pools under the rule have no cover-based node bound: dropping one of their nodes shrinks the spot total the
    /// other pools' 1/D share is measured against.
    /// </summary>
    public static bool UnboundedByCover(int d, PoolCandidate c) => c.IsSpot && Binds(d);

    /// <summary>Spot pools a spot pool of a valid layout shares the layout with: one node each, at least.</summary>
    public static int OtherSpotPools(int d) => Binds(d) ? d - 1 : 0;

    /// <summary>Spot types left (placed and still to come) can still reach D, or no spot is placed yet.</summary>
    public static bool CanStillSpread(int d, long spotCpu, long spotTypes) => spotCpu <= 0 || !Binds(d) || spotTypes >= d;

    public static void AddTo(PoolVariables v)
    {
        var d = v.Problem.SpotDiversity;
        var spot = Enumerable.Range(0, v.Nodes.Length).Where(i => v.Problem.Candidates[i].IsSpot).ToArray();
        if (!Binds(d) || spot.Length == 0)
        {
            return;
        }

        var spotCpuMax = spot.Sum(i => v.Problem.Candidates[i].CpuMillis * v.UpperBounds[i]);
        var spotCpu = v.Model.NewIntVar(0, spotCpuMax, "spotCpu");
        v.Model.Add(spotCpu == v.Weighted(c => c.CpuMillis, c => c.IsSpot));
        var anySpot = v.Model.NewBoolVar("anySpot");
        foreach (var i in spot)
        {
            v.Model.Add(LinearExpr.Term(v.Nodes[i], ShareWeight(d, v.Problem.Candidates[i])) <= spotCpu);
            v.Model.AddImplication(v.Used[i], anySpot);
        }

        // Implied by the share rule; stated so propagation sees it at once.
        v.Model.Add(LinearExpr.Sum(spot.Select(i => v.Used[i])) >= LinearExpr.Term(anySpot, d));
    }
}
