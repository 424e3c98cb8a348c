using System.Diagnostics;
using System.Globalization;
using Recommender.Benchmarks.Solver;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Expander.ScaleOut;
using Recommender.Solver;

namespace Recommender.Benchmarks.ScaleOut;

/// <summary>
/// Plain runner (<c>dotnet run -c Release --project benchmarks/Recommender.Benchmarks -- scale-out [--count N]
/// [--limit seconds] [--workers N]</c>): the solver suite's requests turned into scale-outs of a running cluster
/// (<see cref="ScaleOutCases"/>), each solved once; prints median and p99 solve time, the proven share, and the saving
/// against growing the single cheapest existing pool that can meet the demand alone.
/// </summary>
public static class ScaleOutSuite
{
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = int.Parse(Option(args, "--count") ?? "220", CultureInfo.InvariantCulture);
        var limit = TimeSpan.FromSeconds(double.Parse(Option(args, "--limit") ?? "1", CultureInfo.InvariantCulture));
        var workers = int.Parse(Option(args, "--workers") ?? "1", CultureInfo.InvariantCulture);
        var solver = new ScaleOutSolver(limit, workers, randomSeed: 0);
        Console.WriteLine(Inv($"scale-out: limit {limit.TotalMilliseconds} ms, {workers} worker(s), {Environment.ProcessorCount} cores"));
        CpSatRecommender.WarmUp();
        var catalogs = new List<(string, RegionCatalog)>();
        if (SampleCatalog.Load(Option(args, "--sample")) is { } sample)
        {
            catalogs.Add(($"sample {sample.Region.Id}", sample));
        }

        catalogs.Add(("synthetic 1000", SyntheticCatalog.Create()));
        foreach (var (name, catalog) in catalogs)
        {
            var cases = ScaleOutCases.Create(catalog, SuiteRequests.Create(catalog, count));
            // One untimed solve so the first timed one does not pay for JIT and the native library's first calls.
            solver.Solve(cases[0].Request, catalog, CancellationToken.None);
            var times = new List<double>();
            var statuses = new Dictionary<RecommendationStatus, int>();
            var rules = new Dictionary<PodRule, int>();
            decimal ours = 0, baseline = 0;
            var savings = new List<double>();
            var packed = 0;
            foreach (var (kind, request) in cases)
            {
                var started = Stopwatch.GetTimestamp();
                var result = solver.Solve(request, catalog, CancellationToken.None);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses[result.Status] = statuses.GetValueOrDefault(result.Status) + 1;
                rules[result.PodRule] = rules.GetValueOrDefault(result.PodRule) + 1;
                packed += result.Plans.Count > 0 && result.Plans[0].PackedByCheck > 0 ? 1 : 0;
                if (result.Plans.Count > 0 && result.Baseline is { AddedHourlyPrice: > 0 } b)
                {
                    ours += result.Plans[0].AddedHourlyPrice;
                    baseline += b.AddedHourlyPrice;
                    savings.Add((double)(1 - (result.Plans[0].AddedHourlyPrice / b.AddedHourlyPrice)));
                }

                _ = kind;
            }

            times.Sort();
            savings.Sort();
            Console.WriteLine();
            Console.WriteLine(Inv($"{name}: {cases.Count} scale-outs, {catalog.InstanceTypes.Count} types"));
            Console.WriteLine(Inv($"  solve time ms: median {Percentile(times, 0.5):0.0}, p90 {Percentile(times, 0.9):0.0}, p99 {Percentile(times, 0.99):0.0}, max {times[^1]:0.0}"));
            Console.WriteLine("  status: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => Inv($"{s.Key} {s.Value} ({100.0 * s.Value / cases.Count:0.0}%)"))));
            Console.WriteLine("  pod rule: " + string.Join(", ", rules.OrderBy(s => s.Key).Select(s => Inv($"{s.Key} {s.Value}"))) + Inv($"; packing check added nodes in {packed}"));
            if (savings.Count > 0)
            {
                Console.WriteLine(Inv($"  vs growing the cheapest single pool ({savings.Count} cases where one can): total {ours:0.00}/h vs {baseline:0.00}/h, ")
                    + Inv($"saving {100 * (1 - (ours / baseline)):0.0}% overall; per case median {100 * Percentile(savings, 0.5):0.0}%, ")
                    + Inv($"p90 {100 * Percentile(savings, 0.9):0.0}%, cheaper in {savings.Count(s => s > 1e-9)}"));
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Inv(FormattableString value) => FormattableString.Invariant(value);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
