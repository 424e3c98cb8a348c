using Microsoft.Extensions.Logging;
using Recommender.Core.Errors;

namespace Recommender.Solver.Tests;

/// <summary>A solve that throws is logged and reported as INTERNAL, its message kept from the caller.</summary>
public sealed class SolverFailureTests
{
    private const string Secret = "internal detail 7f3a";

    private static readonly TestCatalog Catalog = new TestCatalog()
        .Add("ecs.g7.xlarge", 4, 16, 0.2m, 0.06m)
        .Add("ecs.c7.2xlarge", 8, 16, 0.35m, 0.1m)
        .Add("ecs.r7.xlarge", 4, 32, 0.3m, 0.08m);

    [Theory]
    [InlineData(SolverStage.CoverSearch, 1, "the best layout")] // the branch and bound's report throws
    [InlineData(SolverStage.CpSat, 2, "alternative 2")] // the best layout comes from the branch and bound; CP-SAT's alternative throws
    public void A_failed_solve_is_logged_and_reported_as_internal(SolverStage failingStage, int alternatives, string stage)
    {
        var logger = new ListLogger();
        var options = SolverOptions.Deterministic with
        {
            TimeLimit = TimeSpan.FromSeconds(10),
            CoverSearchBudget = TimeSpan.FromSeconds(10),
            // Only managed stages throw: CP-SAT's per-layout report runs inside its native callback.
            Trace = e =>
            {
                if (e.Stage == failingStage)
                {
                    throw new InvalidOperationException(Secret);
                }
            },
        };
        var recommender = new CpSatRecommender(options, TimeProvider.System, logger);

        var failed = Assert.Throws<SolverFailedException>(() => recommender.Recommend(Layouts.Request(10, 20) with { Alternatives = alternatives }, Catalog.Build()));

        Assert.Equal(ErrorCodes.Internal, failed.Code);
        Assert.DoesNotContain(Secret, failed.Message, StringComparison.Ordinal);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains(stage, entry.Message, StringComparison.Ordinal);
        Assert.Equal(Secret, entry.Exception?.Message);
    }
}
