using Google.OrTools.Sat;

namespace Recommender.Solver.Rules;

/// <summary>sameSize: every used pool has the one chosen (vCPU, memory) size.</summary>
internal static class SameSizeRule
{
    /// <summary>A pool of size <paramref name="shape"/> may join pools of size <paramref name="chosen"/> (−1: none yet).</summary>
    public static bool Allows(NodePoolProblem problem, int chosen, int shape) => !problem.SameSize || chosen < 0 || chosen == shape;

    public static void AddTo(PoolVariables v)
    {
        if (!v.Problem.SameSize || v.Problem.ShapeCount < 2)
        {
            return;
        }

        var shape = new BoolVar[v.Problem.ShapeCount];
        for (var s = 0; s < shape.Length; s++)
        {
            shape[s] = v.Model.NewBoolVar($"shape[{s}]");
        }

        v.Model.AddAtMostOne(shape);
        for (var i = 0; i < v.Nodes.Length; i++)
        {
            v.Model.AddImplication(v.Used[i], shape[v.Problem.Candidates[i].Shape]);
        }
    }
}
