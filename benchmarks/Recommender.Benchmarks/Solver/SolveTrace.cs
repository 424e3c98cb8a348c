using System.Globalization;
using Recommender.Core.Recommendations;
using Recommender.Solver;

namespace Recommender.Benchmarks.Solver;

/// <summary>
/// solver-suite --trace: collects the solver's stages (<see cref="SolverOptions.Trace"/>) for one request at a time
/// and says where a slow request's time went: the branch and bound's states, how far its layout and its root bound
/// were from the answer, and when CP-SAT found its last better layout against when it ended. A last layout found
/// just before the end means the time went into finding the optimum (the proof followed at once); found early, into
/// the proof.
/// </summary>
internal sealed class SolveTrace
{
    /// <summary>Share of CP-SAT's time after which its last better layout counts as found late.</summary>
    private const double Late = 0.75;

    private readonly List<SolverTraceEvent> events = [];

    /// <summary>Requests slower than this are described (default: the goal's p99, 100 ms; --trace-over).</summary>
    public double OverMs { get; init; } = 100;

    public int Described { get; private set; }

    public int FoundLate { get; private set; }

    public int CutShort { get; private set; }

    public void Add(SolverTraceEvent e) => events.Add(e);

    public void Clear() => events.Clear();

    /// <summary>Counts start again for the next catalog.</summary>
    public void ResetCounts() => (Described, FoundLate, CutShort) = (0, 0, 0);

    /// <summary>One line on the best layout's stages (alternatives, solved after it, are left out).</summary>
    public string Describe(Recommendation answer)
    {
        Described++;
        var final = answer.Layouts.Count > 0 ? PriceScale.ToMicros(answer.Layouts[0].HourlyPrice) : (long?)null;
        var parts = new List<string>();
        if (events.FirstOrDefault(e => e.Stage == SolverStage.CoverSearch) is { } search)
        {
            CutShort += search.Finished ? 0 : 1;
            parts.Add(Inv($"branch and bound {search.States:N0} states in {search.Elapsed.TotalMilliseconds:0.0} ms, {(search.Finished ? "finished" : "cut short")}, its layout {Relative(search.PriceMicros, final)}, root bound {Relative(search.BoundMicros, final)}"));
        }

        var end = events.FindIndex(e => e.Stage == SolverStage.CpSat);
        if (end >= 0)
        {
            var found = events.Take(end).Where(e => e.Stage == SolverStage.CpSatSolution).ToList();
            var total = events[end].Elapsed.TotalMilliseconds;
            var last = found.Count > 0 ? found[^1].Elapsed.TotalMilliseconds : 0;
            FoundLate += found.Count > 0 && last >= Late * total ? 1 : 0;
            parts.Add(Inv($"CP-SAT {found.Count} better layouts, the last at {last:0} ms of {total:0} ms, {(events[end].Finished ? "proven" : "not proven")}"));
        }

        return string.Join("; ", parts);
    }

    /// <summary>A price against the answer's, in percent ("none" when there is no price).</summary>
    private static string Relative(long? micros, long? final) =>
        micros is not { } m ? "none" : final is not { } f || f == 0 ? Inv($"{m} micros") : Inv($"{100.0 * (m - f) / f:+0.00;-0.00;0} % from the answer");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
