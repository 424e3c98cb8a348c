using Google.OrTools.Sat;

namespace Recommender.Solver.Rules;

/// <summary>The counting limits: minNodes ≤ nodes ≤ maxNodes, and at most maxPools pools.</summary>
internal static class CountRules
{
    public static bool Holds(NodePoolProblem problem, in LayoutTotals t) =>
        t.Nodes >= problem.MinNodes && t.Nodes <= problem.MaxNodes && t.Pools <= problem.MaxPools;

    /// <summary>maxPools is below the candidate count, so it can bind.</summary>
    public static bool PoolsLimited(NodePoolProblem problem) => problem.MaxPools < problem.Candidates.Count;

    public static void AddNodesTo(PoolVariables v) =>
        v.Model.AddLinearConstraint(LinearExpr.Sum(v.Nodes), v.Problem.MinNodes, v.Problem.MaxNodes);

    public static void AddPoolsTo(PoolVariables v)
    {
        if (PoolsLimited(v.Problem))
        {
            v.Model.Add(LinearExpr.Sum(v.Used) <= v.Problem.MaxPools);
        }
    }
}
