using BenchmarkDotNet.Running;
using Recommender.Benchmarks.Attacks;
using Recommender.Benchmarks.Expander;
using Recommender.Benchmarks.ScaleOut;
using Recommender.Benchmarks.Solver;

namespace Recommender.Benchmarks;

public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        // Plain runners print their own tables; everything else goes to BenchmarkDotNet.
        if (args is ["solver-suite", .. var rest])
        {
            SolverSuite.Run(rest);
            return;
        }

        if (args is ["scale-out", .. var scaleOutArgs])
        {
            ScaleOutSuite.Run(scaleOutArgs);
            return;
        }

        if (args is ["expander", .. var expanderArgs])
        {
            Environment.ExitCode = ExpanderBenchmark.RunAsync(expanderArgs).GetAwaiter().GetResult();
            return;
        }

        if (args is ["attacks", .. var attackArgs])
        {
            Environment.ExitCode = AttackCommand.Run(attackArgs);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
