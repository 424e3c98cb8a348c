using System.Diagnostics;
using System.Globalization;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver;
using Recommender.Solver.Telescopes;

namespace Recommender.Benchmarks.Solver;

/// <summary>
/// Plain runner (<c>dotnet run -c Release --project benchmarks/Recommender.Benchmarks -- solver-suite
/// [--workers N] [--count N] [--sample catalog.json] [--cross-check] [--trace] [--variants i,j] [--proof i,j] [--answers file]
/// [--background]</c>; README lists the rest): solves the request suite over the sample and the synthetic catalogs and prints
/// solve times, the optimal share, cost against the Telescopes port and how often its layouts break our rules;
/// <c>--cross-check</c> instead compares the default pipeline's proven optima with CP-SAT alone; <c>--background</c>
/// measures the service's answer/proof split (<see cref="SuiteBackground"/>).
/// </summary>
public static class SolverSuite
{
    public static void Run(string[] args)
    {
        var workers = int.Parse(Option(args, "--workers") ?? "1", CultureInfo.InvariantCulture);
        var count = int.Parse(Option(args, "--count") ?? "220", CultureInfo.InvariantCulture);
        var background = args.Contains("--background");
        var options = SolverOptions.Default with
        {
            Workers = workers,
            TimeLimit = TimeSpan.FromSeconds(double.Parse(Option(args, "--limit") ?? (background ? "10" : "1"), CultureInfo.InvariantCulture)),
            TwoSolveTieBreak = args.Contains("--two-solves"),
            PruneDominated = !args.Contains("--no-pruning"),
            ExtraParameters = Option(args, "--params"),
            CoverSearchBudget = Option(args, "--cover-ms") is { } coverMs ? TimeSpan.FromMilliseconds(double.Parse(coverMs, CultureInfo.InvariantCulture)) : SolverOptions.Default.CoverSearchBudget,
            UseGroupCuts = !args.Contains("--no-group-cuts"),
            CoverSearchStateLimit = Option(args, "--cover-states") is { } states ? long.Parse(states, CultureInfo.InvariantCulture) : SolverOptions.Default.CoverSearchStateLimit,
        };
        if (args.Contains("--deterministic"))
        {
            // Load-independent budgets: states for the branch and bound (about 10 ms here) and CP-SAT's deterministic
            // time (about the 1 s limit here); wall time only as a far backstop.
            options = options with
            {
                TimeLimit = TimeSpan.FromSeconds(30),
                CoverSearchBudget = TimeSpan.FromSeconds(30),
                CoverSearchStateLimit = long.Parse(Option(args, "--states") ?? "4096", CultureInfo.InvariantCulture),
                ExtraParameters = $"max_deterministic_time:{Option(args, "--det") ?? "0.5"} {options.ExtraParameters}".Trim(),
            };
        }

        var trace = args.Contains("--trace")
            ? new SolveTrace { OverMs = double.Parse(Option(args, "--trace-over") ?? "100", CultureInfo.InvariantCulture) }
            : null;
        if (trace is not null)
        {
            options = options with { Trace = trace.Add };
        }

        var verbose = args.Contains("--verbose") || trace is not null;
        Console.WriteLine(Inv($"CP-SAT: {options}, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
        CpSatRecommender.WarmUp();
        var catalogs = new List<(string, RegionCatalog)>();
        if (SampleCatalog.Load(Option(args, "--sample")) is { } sample)
        {
            catalogs.Add(($"sample {sample.Region.Id}", sample));
        }
        else
        {
            Console.WriteLine($"(sample catalog: resource {SampleCatalog.ResourceName} not embedded in this build; skipped)");
        }

        catalogs.Add(("synthetic 1000", SyntheticCatalog.Create()));
        // Diagnostics on named suite requests (comma-separated indices), run on each catalog instead of the suite.
        foreach (var (option, diagnostic) in new (string, Action<string, RegionCatalog, SolverOptions, IReadOnlyList<int>>)[]
        {
            ("--variants", SuiteVariants.Run),
            ("--proof", SuiteProof.Run),
        })
        {
            if (Option(args, option) is { } list)
            {
                var indices = list.Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToList();
                foreach (var (name, catalog) in catalogs)
                {
                    diagnostic(name, catalog, options, indices);
                }

                return;
            }
        }

        if (background)
        {
            // --answers: the final answers (what a stored recommendation ends as); --answers-given: those given at answer time.
            using var final = Option(args, "--answers") is { } finalPath ? new StreamWriter(finalPath) : null;
            using var given = Option(args, "--answers-given") is { } givenPath ? new StreamWriter(givenPath) : null;
            var baseline = Option(args, "--compare") is { } comparePath ? SuiteBackground.ReadAnswers(comparePath) : null;
            var answerWithin = TimeSpan.FromMilliseconds(double.Parse(Option(args, "--answer-ms") ?? "100", CultureInfo.InvariantCulture));
            // --background-workers N: the re-solve's CP-SAT portfolio size (the answer keeps --workers), for an idle service.
            var backgroundOptions = Option(args, "--background-workers") is { } n
                ? options with { Workers = int.Parse(n, CultureInfo.InvariantCulture) }
                : options;
            foreach (var (name, catalog) in catalogs)
            {
                SuiteBackground.Run(name, catalog, options, backgroundOptions, count, answerWithin,
                    final is null ? null : line => final.WriteLine($"{name}\t{line}"),
                    given is null ? null : line => given.WriteLine($"{name}\t{line}"),
                    baseline);
            }

            return;
        }

        if (args.Contains("--cross-check"))
        {
            foreach (var (name, catalog) in catalogs)
            {
                CrossCheck(name, catalog, options, count);
            }

            return;
        }

        // --answers FILE: one line per request (catalog, index, status, price, nodes, pools, ms), so two runs (before
        // and after a change) can be compared answer by answer.
        using var answers = Option(args, "--answers") is { } path ? new StreamWriter(path) : null;
        foreach (var (name, catalog) in catalogs)
        {
            Print(name, catalog, Measure(catalog, options, count, verbose, Option(args, "--only") is { } o ? int.Parse(o, CultureInfo.InvariantCulture) : null, trace, answers is null ? null : line => answers.WriteLine($"{name}\t{line}")));
        }
    }

    /// <summary>
    /// Exactness at scale: every request solved with the default pipeline (branch and bound, then CP-SAT) and with
    /// CP-SAT alone, both with a 10 s limit; where both prove optimality the (price, nodes, pools) must agree.
    /// </summary>
    private static void CrossCheck(string name, RegionCatalog catalog, SolverOptions options, int count)
    {
        var slow = options with { TimeLimit = TimeSpan.FromSeconds(10) };
        var pipeline = new CpSatRecommender(slow, TimeProvider.System);
        var cpSatOnly = new CpSatRecommender(slow with { CoverSearchBudget = TimeSpan.Zero }, TimeProvider.System);
        var (compared, infeasible, differ) = (0, 0, 0);
        foreach (var (i, (_, request)) in SuiteRequests.Create(catalog, count).Index())
        {
            var a = pipeline.Recommend(request, catalog);
            var b = cpSatOnly.Recommend(request, catalog);
            if (a.Status == RecommendationStatus.Infeasible || b.Status == RecommendationStatus.Infeasible)
            {
                infeasible++;
                if (a.Status != b.Status)
                {
                    differ++;
                    Console.WriteLine(Inv($"#{i}: {a.Status} vs CP-SAT alone {b.Status}"));
                }

                continue;
            }

            if (a.Status != RecommendationStatus.Optimal || b.Status != RecommendationStatus.Optimal)
            {
                continue;
            }

            compared++;
            var (x, y) = (a.Layouts[0], b.Layouts[0]);
            if ((x.HourlyPrice, x.NodeCount, x.Pools.Count) != (y.HourlyPrice, y.NodeCount, y.Pools.Count))
            {
                differ++;
                Console.WriteLine(Inv($"#{i}: {x.HourlyPrice}/{x.NodeCount}/{x.Pools.Count} vs CP-SAT alone {y.HourlyPrice}/{y.NodeCount}/{y.Pools.Count}"));
            }
        }

        Console.WriteLine(Inv($"{name}: {compared} proven optima compared, {infeasible} infeasible, {differ} differences"));
    }

    /// <param name="trace">With --trace: receives every stage; requests over 100 ms are described after their line.</param>
    /// <param name="answerLine">With --answers: receives each request's line (index, status, price, nodes, pools, ms).</param>
    private static SuiteResult Measure(RegionCatalog catalog, SolverOptions options, int count, bool verbose, int? only, SolveTrace? trace, Action<string>? answerLine = null)
    {
        var recommender = new CpSatRecommender(options, TimeProvider.System);
        trace?.ResetCounts();
        var requests = SuiteRequests.Create(catalog, count);
        if (only is { } index)
        {
            requests = [requests[index]];
        }

        foreach (var (_, request) in requests.Take(10))
        {
            recommender.Recommend(request, catalog); // JIT and caches, untimed
        }

        var build = Stopwatch.StartNew();
        foreach (var (_, request) in requests)
        {
            NodePoolProblemBuilder.Build(request, catalog, options.PruneDominated);
        }

        Console.WriteLine(Inv($"(building the pruned problems of {requests.Count} requests: {build.Elapsed.TotalMilliseconds / requests.Count:0.00} ms each)"));
        var result = new SuiteResult(requests.Count);
        foreach (var (i, (kind, request)) in requests.Index())
        {
            trace?.Clear();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var threadCpu = ThreadCpuClock.NowMs();
            var watch = Stopwatch.StartNew();
            var answer = recommender.Recommend(request, catalog);
            watch.Stop();
            var threadCpuMs = ThreadCpuClock.NowMs() - threadCpu;
            var first = answer.Layouts.FirstOrDefault();
            answerLine?.Invoke(Inv($"{i}\t{answer.Status}\t{first?.HourlyPrice}\t{first?.NodeCount}\t{first?.Pools.Count}\t{watch.Elapsed.TotalMilliseconds:0.000}"));
            result.CpuMs += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            result.Add(kind, request, catalog, answer, watch.Elapsed.TotalMilliseconds, threadCpuMs);
            if (verbose)
            {
                var size = NodePoolProblemBuilder.Build(request, catalog, options.PruneDominated).Candidates.Count;
                Console.WriteLine(Inv($"{watch.Elapsed.TotalMilliseconds,8:0.0} ms (cpu {threadCpuMs,6:0.0}) #{i} {answer.Status,-10} gap {answer.Gap:0.0000} {kind,-12} {size,4} candidates {request.Cpu} vCPU {request.MemoryGiB} GiB {request.Gpus} GPU nodes {request.MinNodes}-{request.MaxNodes} od {request.OnDemandPct} D {request.SpotDiversity} same {request.SameSize} pools {request.MaxPools} price {answer.Layouts.FirstOrDefault()?.HourlyPrice}"));
                if (trace is not null && watch.Elapsed.TotalMilliseconds > trace.OverMs)
                {
                    Console.WriteLine($"    {trace.Describe(answer)}");
                }

                if (only is not null && answer.Layouts.Count > 0)
                {
                    foreach (var pool in answer.Layouts[0].Pools)
                    {
                        Console.WriteLine(Inv($"    {pool.InstanceType} {pool.CapacityType} x{pool.NodeCount} @ {pool.UnitPrice}"));
                    }
                }
            }
        }

        if (trace is not null)
        {
            Console.WriteLine(Inv($"(trace: {trace.Described} requests over {trace.OverMs} ms; the branch and bound was cut short on {trace.CutShort}; CP-SAT found its last better layout in the last quarter of its time on {trace.FoundLate})"));
        }

        return result;
    }

    private static void Print(string name, RegionCatalog catalog, SuiteResult r)
    {
        Console.WriteLine();
        Console.WriteLine($"## {name}: {catalog.InstanceTypes.Count} types, {catalog.Region.Zones.Count} zones, {r.Requests} requests");
        Console.WriteLine();
        Console.WriteLine("| metric | value |");
        Console.WriteLine("|---|---|");
        Row("solve time median / p90 / p99 / max (ms)", Inv($"{r.Percentile(50):0.0} / {r.Percentile(90):0.0} / {r.Percentile(99):0.0} / {r.Percentile(100):0.0}"));
        Row("process CPU time of all solves (less load-dependent than wall time)", Inv($"{r.CpuMs:0} ms"));
        if (r.ThreadCpuTimes.Count == r.Requests)
        {
            // The solving thread's own CPU time: the time on one core, without the waits for a core on a shared machine.
            var cpu = r.ThreadCpuTimes.Order().ToList();
            Row("solving thread's CPU time median / p99 / max (ms), over 100 ms", Inv($"{SuiteResult.Percentile(cpu, 50):0.0} / {SuiteResult.Percentile(cpu, 99):0.0} / {cpu[^1]:0.0}, {cpu.Count(t => t > 100)}"));
        }

        Row("status", string.Join(", ", r.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        var solved = r.Statuses.Where(s => s.Key != RecommendationStatus.Infeasible).Sum(s => s.Value);
        Row("proven optimal (of feasible requests)", Inv($"{r.Statuses.GetValueOrDefault(RecommendationStatus.Optimal)} / {solved} = {Share(r.Statuses.GetValueOrDefault(RecommendationStatus.Optimal), solved)}"));
        Row("our layouts failing the checker", r.OurInvalid.ToString(CultureInfo.InvariantCulture));
        foreach (var kind in r.TimesByKind.Keys.Order(StringComparer.Ordinal))
        {
            var times = r.TimesByKind[kind].Order().ToList();
            Row($"  median / max ms, {kind}", Inv($"{times[times.Count / 2]:0.0} / {times[^1]:0.0}"));
        }

        foreach (var share in r.TimesByOnDemandShare.Keys.Order(StringComparer.Ordinal))
        {
            var times = r.TimesByOnDemandShare[share].Order().ToList();
            Row($"  median / max ms / over 100 ms, {share}", Inv($"{times[times.Count / 2]:0.0} / {times[^1]:0.0} / {times.Count(t => t > 100)} of {times.Count}"));
        }

        foreach (var g in r.Greedy)
        {
            Console.WriteLine();
            Console.WriteLine($"Telescopes port, {g.Key} capacity:");
            Console.WriteLine();
            Console.WriteLine("| metric | value |");
            Console.WriteLine("|---|---|");
            var s = g.Value;
            Row("no answer (Telescopes 400)", s.NoAnswer.ToString(CultureInfo.InvariantCulture));
            Row("answer breaks at least one of our rules", Inv($"{s.Invalid} / {s.Answered} = {Share(s.Invalid, s.Answered)}"));
            foreach (var v in s.Violations.OrderByDescending(v => v.Value))
            {
                Row($"  breaks {v.Key}", Inv($"{v.Value} = {Share(v.Value, s.Answered)}"));
            }

            Row("valid greedy layouts compared", s.Savings.Count.ToString(CultureInfo.InvariantCulture));
            if (s.Savings.Count > 0)
            {
                var savings = s.Savings.Order().ToList();
                Row("our saving vs greedy: mean / median / worst case", Inv($"{savings.Average():0.0}% / {savings[savings.Count / 2]:0.0}% / {savings[0]:0.0}%"));
                Row("requests where ours is dearer", s.Dearer.ToString(CultureInfo.InvariantCulture));
            }
        }

        void Row(string metric, string value) => Console.WriteLine($"| {metric} | {value} |");
    }

    private static string OnDemandShareClass(int onDemandPct) => onDemandPct switch
    {
        <= 0 => "onDemandPct 0",
        >= 100 => "onDemandPct 100",
        _ => "onDemandPct 1-99",
    };

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Inv(FormattableString value) => FormattableString.Invariant(value);

    private static string Share(int part, int whole) => whole == 0 ? "-" : FormattableString.Invariant($"{100.0 * part / whole:0.0}%");

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class SuiteResult(int requests)
    {
        private readonly List<double> times = [];

        public int Requests { get; } = requests;

        public Dictionary<RecommendationStatus, int> Statuses { get; } = [];

        public Dictionary<string, List<double>> TimesByKind { get; } = new(StringComparer.Ordinal);

        public int OurInvalid { get; private set; }

        public double CpuMs { get; set; }

        /// <summary>Times by on-demand share: the slow requests all split the capacity between on-demand and spot.</summary>
        public Dictionary<string, List<double>> TimesByOnDemandShare { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, GreedyStats> Greedy { get; } = new(StringComparer.Ordinal) { ["raw"] = new(), ["allocatable"] = new() };

        /// <summary>Per request, the solving thread's CPU time (ms); empty where that clock is not available.</summary>
        public List<double> ThreadCpuTimes { get; } = [];

        public double Percentile(int p) => Percentile(times.Order().ToList(), p);

        /// <summary>Nearest-rank percentile of an ascending list.</summary>
        public static double Percentile(IReadOnlyList<double> sorted, int p) =>
            sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

        public void Add(string kind, LayoutRequest request, RegionCatalog catalog, Recommendation answer, double ms, double? threadCpuMs)
        {
            times.Add(ms);
            if (threadCpuMs is { } cpu)
            {
                ThreadCpuTimes.Add(cpu);
            }

            (TimesByKind.TryGetValue(kind, out var list) ? list : TimesByKind[kind] = []).Add(ms);
            var share = OnDemandShareClass(request.OnDemandPct);
            (TimesByOnDemandShare.TryGetValue(share, out var byShare) ? byShare : TimesByOnDemandShare[share] = []).Add(ms);
            Statuses[answer.Status] = Statuses.GetValueOrDefault(answer.Status) + 1;
            OurInvalid += answer.Layouts.Count(l => LayoutChecker.Check(request, catalog, l.Pools).Count > 0);
            foreach (var (mode, stats) in Greedy)
            {
                var greedy = new TelescopesGreedyRecommender(useAllocatable: mode == "allocatable").Recommend(request, catalog);
                stats.Add(request, catalog, greedy, answer.Layouts.FirstOrDefault());
            }
        }
    }

    private sealed class GreedyStats
    {
        public int NoAnswer { get; private set; }

        public int Answered { get; private set; }

        public int Invalid { get; private set; }

        public int Dearer { get; private set; }

        public Dictionary<string, int> Violations { get; } = new(StringComparer.Ordinal);

        public List<double> Savings { get; } = [];

        public void Add(LayoutRequest request, RegionCatalog catalog, TelescopesResult? greedy, Layout? ours)
        {
            if (greedy is null)
            {
                NoAnswer++;
                return;
            }

            Answered++;
            var layout = LayoutFactory.Create(greedy.ToPoolChoices(request, catalog), request);
            var rules = LayoutChecker.Check(request, catalog, layout.Pools).Select(v => v.Rule).Distinct(StringComparer.Ordinal).ToList();
            foreach (var rule in rules)
            {
                Violations[rule] = Violations.GetValueOrDefault(rule) + 1;
            }

            if (rules.Count > 0)
            {
                Invalid++;
                return;
            }

            if (ours is not null && layout.HourlyPrice > 0)
            {
                Savings.Add((double)((layout.HourlyPrice - ours.HourlyPrice) / layout.HourlyPrice * 100));
                Dearer += ours.HourlyPrice > layout.HourlyPrice ? 1 : 0;
            }
        }
    }
}
