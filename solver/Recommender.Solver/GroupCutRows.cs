using Google.OrTools.Sat;
using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// The CP-SAT rows of the group-dominance cuts that need enforcement literals (see <see cref="GroupDominance"/>; the
/// unconditional ones are variable bounds, see <see cref="NodePoolModel.Bounds"/>). For the best layout only.
/// </summary>
internal static class GroupCutRows
{
    /// <summary>
    /// A best layout holds at most k − 1 nodes of a when j nodes of b replace k of a, unless the swap would break
    /// minNodes (too few nodes left) or maxPools (b's pool is new and no pool is left).
    /// </summary>
    public static void AddTo(PoolVariables v, List<GroupCut> cuts)
    {
        if (cuts.Count == 0)
        {
            return;
        }

        BoolVar? poolLeft = null;
        if (CountRules.PoolsLimited(v.Problem))
        {
            poolLeft = v.Model.NewBoolVar("poolLeft");
            v.Model.Add(LinearExpr.Sum(v.Used) >= v.Problem.MaxPools).OnlyEnforceIf(poolLeft.Not());
        }

        var enoughNodes = new Dictionary<int, BoolVar>();
        foreach (var cut in cuts)
        {
            var literals = new List<ILiteral>();
            var nodesAfterSwap = cut.ReplacedNodes - cut.ReplacingNodes;
            if (cut.ReplacingNodes < v.Problem.MinNodes)
            {
                if (!enoughNodes.TryGetValue(nodesAfterSwap, out var enough))
                {
                    // enough is true whenever total nodes >= minNodes + k - j (the swap keeps minNodes).
                    enough = enoughNodes[nodesAfterSwap] = v.Model.NewBoolVar($"nodesAtLeast[{v.Problem.MinNodes + nodesAfterSwap}]");
                    v.Model.Add(LinearExpr.Sum(v.Nodes) <= v.Problem.MinNodes + nodesAfterSwap - 1).OnlyEnforceIf(enough.Not());
                }

                literals.Add(enough);
            }

            if (poolLeft is null)
            {
                v.Model.Add(v.Nodes[cut.Candidate] <= cut.ReplacedNodes - 1).OnlyEnforceIf([.. literals]);
                continue;
            }

            v.Model.Add(v.Nodes[cut.Candidate] <= cut.ReplacedNodes - 1).OnlyEnforceIf([.. literals, v.Used[cut.Replacement]]);
            v.Model.Add(v.Nodes[cut.Candidate] <= cut.ReplacedNodes - 1).OnlyEnforceIf([.. literals, poolLeft]);
        }
    }
}
