using Google.OrTools.Sat;

namespace Recommender.Solver.Rules;

/// <summary>
/// The CP-SAT variables each rule states its rows over: per candidate, its node count (0..U) and whether its pool is
/// used. Built by <see cref="NodePoolModel"/>; the rules add themselves with <see cref="LayoutRules.AddTo"/>.
/// </summary>
internal sealed record PoolVariables(CpModel Model, NodePoolProblem Problem, IntVar[] Nodes, BoolVar[] Used, int[] UpperBounds)
{
    /// <summary>Σ coefficient(c)·nodes[c] over the candidates <paramref name="include"/> keeps (zero terms left out).</summary>
    public LinearExpr Weighted(Func<PoolCandidate, long> coefficient, Func<PoolCandidate, bool> include)
    {
        var sum = LinearExpr.NewBuilder();
        for (var i = 0; i < Nodes.Length; i++)
        {
            var c = Problem.Candidates[i];
            if (include(c) && coefficient(c) != 0)
            {
                sum.AddTerm(Nodes[i], coefficient(c));
            }
        }

        return sum;
    }

    /// <summary>A pool is used exactly when it has at least one node (the definition of <see cref="Used"/>).</summary>
    public void LinkPools()
    {
        for (var i = 0; i < Nodes.Length; i++)
        {
            Model.Add(Nodes[i] <= LinearExpr.Term(Used[i], UpperBounds[i]));
            Model.Add(Nodes[i] >= Used[i]);
        }
    }
}
