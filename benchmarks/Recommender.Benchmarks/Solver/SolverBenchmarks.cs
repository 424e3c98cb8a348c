using BenchmarkDotNet.Attributes;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver;
using Recommender.Solver.Telescopes;

namespace Recommender.Benchmarks.Solver;

/// <summary>
/// BenchmarkDotNet view of the solver on the synthetic 1,000-type catalog: one representative request per kind,
/// the default pipeline (branch and bound, then CP-SAT with one worker) and CP-SAT alone against the Telescopes
/// port. Run with
/// <c>dotnet run -c Release --project benchmarks/Recommender.Benchmarks -- --filter *SolverBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class SolverBenchmarks
{
    private readonly RegionCatalog catalog = SyntheticCatalog.Create();
    private readonly CpSatRecommender pipeline = new(SolverOptions.Default, TimeProvider.System);
    private readonly CpSatRecommender cpSatOnly = new(SolverOptions.Default with { CoverSearchBudget = TimeSpan.Zero }, TimeProvider.System);
    private readonly TelescopesGreedyRecommender telescopes = new(useAllocatable: true);
    private LayoutRequest request = new();

    [Params("small", "medium", "large", "gpu", "spot-diverse", "same-size")]
    public string Kind { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        CpSatRecommender.WarmUp();
        request = SuiteRequests.Create(catalog).First(r => r.Kind == Kind).Request;
    }

    [Benchmark]
    public Recommendation Pipeline() => pipeline.Recommend(request, catalog);

    [Benchmark]
    public Recommendation CpSatOnly() => cpSatOnly.Recommend(request, catalog);

    [Benchmark(Baseline = true)]
    public object? Telescopes() => telescopes.Recommend(request, catalog);
}
