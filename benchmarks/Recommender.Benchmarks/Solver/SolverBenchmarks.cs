using BenchmarkDotNet.Attributes;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver;
using Recommender.Solver.Telescopes;

namespace Recommender.Benchmarks.Solver;

/// <summary>
/// BenchmarkDotNet view of the solver on the synthetic 1,000-type catalog: one representative request per kind,
/// CP-SAT (one worker) against the Telescopes port. Run with
/// <c>dotnet run -c Release --project benchmarks/Recommender.Benchmarks -- --filter *SolverBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class SolverBenchmarks
{
    private readonly RegionCatalog catalog = SyntheticCatalog.Create();
    private readonly CpSatRecommender cpSat = new(SolverOptions.Default with { Workers = 1 }, TimeProvider.System);
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
    public Recommendation CpSat() => cpSat.Recommend(request, catalog);

    [Benchmark(Baseline = true)]
    public object? Telescopes() => telescopes.Recommend(request, catalog);
}
