using System.Diagnostics;
using System.Globalization;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver;
using Recommender.Solver.Telescopes;

namespace Recommender.Benchmarks.Solver;

/// <summary>
/// <c>solver-suite --background [--answer-ms 100] [--limit 10] [--background-workers N] [--answers FILE] [--answers-given FILE] [--compare FILE]</c>:
/// the service's answer/proof split on the suite. Each request is answered with the answer budget (Solver:AnswerWithin),
/// then, when not proven, solved again with the rest of the whole limit (Solver:TimeLimit) and folded in with
/// <see cref="RecommendationMerge"/>, as the background worker does on an idle service (no queueing: time to proof is
/// the answer time plus the background solve's). Prints answer times, the proven shares (at answer time, within 1 s,
/// within the limit), the gap of unproven answers, savings against the Telescopes port and the cheapest single pool,
/// and with <c>--compare</c> how the answers given and the final ones price against another run's <c>--answers</c> file.
/// </summary>
public static class SuiteBackground
{
    public static void Run(string name, RegionCatalog catalog, SolverOptions options, SolverOptions backgroundOptions, int count, TimeSpan answerWithin,
        Action<string>? finalLine, Action<string>? givenLine, IReadOnlyDictionary<(string, int), decimal?>? baseline)
    {
        var recommender = new CpSatRecommender(options, TimeProvider.System);
        var background = new CpSatRecommender(backgroundOptions, TimeProvider.System);
        var requests = SuiteRequests.Create(catalog, count);
        var answerMs = (int)answerWithin.TotalMilliseconds;
        foreach (var (_, request) in requests.Take(10))
        {
            recommender.Recommend(request with { TimeLimitMs = answerMs }, catalog); // JIT and caches, untimed
        }

        var r = new Results();
        foreach (var (i, (_, request)) in requests.Index())
        {
            var cpu = ThreadCpuClock.NowMs();
            var watch = Stopwatch.StartNew();
            var given = recommender.Recommend(request with { TimeLimitMs = answerMs }, catalog);
            var answerTime = watch.Elapsed;
            if (ThreadCpuClock.NowMs() - cpu is { } cpuMs)
            {
                r.AnswerCpuTimes.Add(cpuMs);
            }

            var final = given;
            double? proofMs = RecommendationMerge.IsProven(given) ? answerTime.TotalMilliseconds : null;
            var left = options.TimeLimit - answerTime;
            if (proofMs is null && left >= TimeSpan.FromMilliseconds(5))
            {
                var solving = Stopwatch.StartNew();
                var later = background.Recommend(request with { TimeLimitMs = (int)left.TotalMilliseconds }, catalog);
                final = RecommendationMerge.Merge(given, later, request.Alternatives);
                proofMs = RecommendationMerge.IsProven(final) ? answerTime.TotalMilliseconds + solving.Elapsed.TotalMilliseconds : null;
            }

            givenLine?.Invoke(Line(i, given, answerTime.TotalMilliseconds));
            finalLine?.Invoke(Line(i, final, proofMs ?? options.TimeLimit.TotalMilliseconds));
            r.Add(request, catalog, given, final, answerTime.TotalMilliseconds, proofMs,
                baseline?.GetValueOrDefault((name, i)), baseline?.ContainsKey((name, i)) ?? false);
        }

        Print(name, catalog, r, answerWithin, options.TimeLimit, baseline is not null);
    }

    /// <summary>Reads an <c>--answers</c> file: (catalog, index) to the best layout's price (null when none).</summary>
    public static Dictionary<(string, int), decimal?> ReadAnswers(string path) =>
        File.ReadLines(path).Select(l => l.Split('\t')).ToDictionary(
            f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture)),
            f => f[3].Length == 0 ? (decimal?)null : decimal.Parse(f[3], CultureInfo.InvariantCulture));

    private static string Line(int i, Recommendation answer, double ms)
    {
        var first = answer.Layouts.FirstOrDefault();
        return Inv($"{i}\t{answer.Status}\t{first?.HourlyPrice}\t{first?.NodeCount}\t{first?.Pools.Count}\t{ms:0.000}");
    }

    private static void Print(string name, RegionCatalog catalog, Results r, TimeSpan answerWithin, TimeSpan limit, bool compared)
    {
        Console.WriteLine();
        Console.WriteLine(Inv($"## {name}: {catalog.InstanceTypes.Count} types, {r.Count} requests, answer within {answerWithin.TotalMilliseconds:0} ms, proof up to {limit.TotalSeconds:0.#} s, load average {LoadAverage()}"));
        Console.WriteLine();
        Console.WriteLine("| metric | value |");
        Console.WriteLine("|---|---|");
        var times = r.AnswerTimes.Order().ToList();
        Row("answer time median / p90 / p99 / max (ms)", Inv($"{Pct(times, 50):0.0} / {Pct(times, 90):0.0} / {Pct(times, 99):0.0} / {times[^1]:0.0}"));
        if (r.AnswerCpuTimes.Count == r.Count)
        {
            // The solving thread's own CPU time: what the answer costs without the waits for a core on a shared machine.
            var cpu = r.AnswerCpuTimes.Order().ToList();
            Row("answer's thread CPU time median / p99 / max (ms)", Inv($"{Pct(cpu, 50):0.0} / {Pct(cpu, 99):0.0} / {cpu[^1]:0.0}"));
        }

        Row("status at answer time", string.Join(", ", r.Given.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        Row("status at the end", string.Join(", ", r.Final.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        Row("proven at answer time (OPTIMAL or INFEASIBLE)", Share(r.ProvenAtAnswer, r.Count));
        Row("proven within 1 s", Share(r.ProofTimes.Count(t => t <= 1_000), r.Count));
        Row(Inv($"proven within {limit.TotalSeconds:0.#} s"), Share(r.ProofTimes.Count, r.Count));
        var proofs = r.ProofTimes.Order().ToList();
        Row("time to proof median / p99 / max (ms), proven only", proofs.Count == 0 ? "-" : Inv($"{Pct(proofs, 50):0.0} / {Pct(proofs, 99):0.0} / {proofs[^1]:0.0}"));
        Row("unproven answers at answer time: with a gap, mean gap; without one", Inv($"{r.UnprovenGaps.Count}, {(r.UnprovenGaps.Count == 0 ? "-" : $"{r.UnprovenGaps.Average() * 100:0.00}%")}; {r.UnprovenWithoutGap}"));
        Row("final layouts failing the checker", r.Invalid.ToString(CultureInfo.InvariantCulture));
        Savings("saving vs Telescopes port (valid answers; given / final): mean / median / worst, dearer", r.VsTelescopesGiven, r.VsTelescopesFinal);
        Savings("saving vs cheapest single on-demand pool (given / final): mean / median / worst, dearer", r.VsSingleGiven, r.VsSingleFinal);
        if (compared)
        {
            Row("vs the compared run, answer given: dearer / same / cheaper / not comparable", r.GivenVsBase.ToString());
            Row("vs the compared run, final answer: dearer / same / cheaper / not comparable", r.FinalVsBase.ToString());
        }

        void Row(string metric, string value) => Console.WriteLine($"| {metric} | {value} |");
        void Savings(string metric, List<double> given, List<double> final) =>
            Row(metric, given.Count == 0 ? "-" : $"{Summary(given)} / {Summary(final)}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Summary(List<double> savings)
    {
        var sorted = savings.Order().ToList();
        return Inv($"{sorted.Average():0.0}% / {sorted[sorted.Count / 2]:0.0}% / {sorted[0]:0.0}%, {sorted.Count(s => s < 0)} of {sorted.Count}");
    }

    private static double Pct(IReadOnlyList<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Share(int part, int whole) => whole == 0 ? "-" : Inv($"{part} / {whole} = {100.0 * part / whole:0.0}%");

    private static string Inv(FormattableString value) => FormattableString.Invariant(value);

    /// <summary>How one run's best prices compare with another's, request by request.</summary>
    private sealed class Comparison
    {
        public int Dearer { get; set; }

        public int Same { get; set; }

        public int Cheaper { get; set; }

        public int NotComparable { get; set; }

        public void Add(decimal? ours, decimal? theirs, bool known)
        {
            if (!known || ours is null || theirs is null)
            {
                NotComparable += known && ours is null && theirs is null ? 0 : 1;
                Same += known && ours is null && theirs is null ? 1 : 0;
                return;
            }

            Dearer += ours > theirs ? 1 : 0;
            Same += ours == theirs ? 1 : 0;
            Cheaper += ours < theirs ? 1 : 0;
        }

        public override string ToString() => Inv($"{Dearer} / {Same} / {Cheaper} / {NotComparable}");
    }

    private sealed class Results
    {
        public int Count { get; private set; }

        public List<double> AnswerTimes { get; } = [];

        public List<double> AnswerCpuTimes { get; } = [];

        /// <summary>Time to proof of the requests proven within the limit.</summary>
        public List<double> ProofTimes { get; } = [];

        public List<double> UnprovenGaps { get; } = [];

        public Dictionary<RecommendationStatus, int> Given { get; } = [];

        public Dictionary<RecommendationStatus, int> Final { get; } = [];

        public int Invalid { get; private set; }

        public List<double> VsTelescopesGiven { get; } = [];

        public List<double> VsTelescopesFinal { get; } = [];

        public List<double> VsSingleGiven { get; } = [];

        public List<double> VsSingleFinal { get; } = [];

        public Comparison GivenVsBase { get; } = new();

        public Comparison FinalVsBase { get; } = new();

        public int ProvenAtAnswer { get; private set; }

        public int UnprovenWithoutGap { get; private set; }

        public void Add(LayoutRequest request, RegionCatalog catalog, Recommendation given, Recommendation final, double answerMs, double? proofMs,
            decimal? baseline, bool known)
        {
            Count++;
            AnswerTimes.Add(answerMs);
            if (proofMs is { } proof)
            {
                ProofTimes.Add(proof);
            }

            if (RecommendationMerge.IsProven(given))
            {
                ProvenAtAnswer++;
            }
            else if (given.Gap is { } gap)
            {
                UnprovenGaps.Add(gap);
            }
            else
            {
                UnprovenWithoutGap++;
            }

            Given[given.Status] = Given.GetValueOrDefault(given.Status) + 1;
            Final[final.Status] = Final.GetValueOrDefault(final.Status) + 1;
            Invalid += final.Layouts.Count(l => LayoutChecker.Check(request, catalog, l.Pools).Count > 0);
            GivenVsBase.Add(Price(given), baseline, known);
            FinalVsBase.Add(Price(final), baseline, known);
            if (final.Layouts.Count == 0)
            {
                return;
            }

            var greedy = new TelescopesGreedyRecommender(useAllocatable: true).Recommend(request, catalog);
            if (greedy is not null)
            {
                var layout = LayoutFactory.Create(greedy.ToPoolChoices(request, catalog), request);
                if (LayoutChecker.Check(request, catalog, layout.Pools).Count == 0 && layout.HourlyPrice > 0)
                {
                    VsTelescopesGiven.Add(Saving(given, layout.HourlyPrice));
                    VsTelescopesFinal.Add(Saving(final, layout.HourlyPrice));
                }
            }

            var problem = NodePoolProblemBuilder.Build(request, catalog, prune: true);
            if (FallbackLayout.SinglePoolPriceMicros(problem) is { } single && single > 0)
            {
                VsSingleGiven.Add(Saving(given, PriceScale.FromMicros(single)));
                VsSingleFinal.Add(Saving(final, PriceScale.FromMicros(single)));
            }
        }

        private static decimal? Price(Recommendation answer) => answer.Layouts.FirstOrDefault()?.HourlyPrice;

        private static double Saving(Recommendation answer, decimal reference) =>
            (double)((reference - answer.Layouts[0].HourlyPrice) / reference * 100);
    }
}
