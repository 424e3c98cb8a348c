using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;
using Recommender.Solver;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>A solve that throws reaches the caller as INTERNAL, with one log entry and none of the failure's text.</summary>
public sealed class SolverFailureApiTests : IDisposable
{
    private const string Secret = "internal detail 91c4";

    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task A_failing_solver_yields_internal_and_a_log_entry()
    {
        var options = SolverOptions.Deterministic with
        {
            TimeLimit = TimeSpan.FromSeconds(8),
            // The branch and bound's report runs in managed code, inside the solve: the failure CpSatRecommender catches.
            Trace = e =>
            {
                if (e.Stage == SolverStage.CoverSearch)
                {
                    throw new InvalidOperationException(Secret);
                }
            },
        };
        using var app = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IRecommender>(
            sp => new CpSatRecommender(options, TimeProvider.System, sp.GetRequiredService<ILogger<CpSatRecommender>>()))));

        var r = await RecommendationApi.RecommendAsync(app, new { region = "cn-test", cpu = 10, memoryGiB = 40 });

        Assert.Equal(ErrorCodes.Internal, r.ErrorCode);
        Assert.DoesNotContain(Secret, r.Body, StringComparison.Ordinal);
        var entry = Assert.Single(api.Logs.Entries, e => e.Exception?.Message == Secret);
        Assert.Equal(typeof(CpSatRecommender).FullName, entry.Category);
        Assert.Equal(LogLevel.Error, entry.Level);
    }
}
