namespace Recommender.Solver;

/// <summary>
/// How hard the solver may work on one request. The public properties are the service's configuration (section
/// <c>Solver</c>); the internal ones are switches for benchmarks and tests (solver-suite flags, exactness tests), kept
/// out of configuration on purpose: each default is the measured best (solver/EXPERIMENTS.md).
/// </summary>
public sealed record SolverOptions
{
    /// <summary>
    /// Wall-clock budget for one request, shared by the best layout and its alternatives: what a request without its
    /// own limit gets, and the most one may ask for. The service answers sooner (Solver:AnswerWithin) and spends the rest
    /// of this budget proving in the background; 10 s proves 439 of the suite's 440 requests (solver/EXPERIMENTS.md).
    /// </summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// CP-SAT portfolio size; capped at 2 (the cores one request may use). 1 (the default) is deterministic and
    /// measured better on the suite: with 2 workers 90 % / 81 % of requests were proven optimal instead of 98 % / 97 %
    /// (solver/EXPERIMENTS.md), since the portfolio splits one model's time across subsolvers that suit it less.
    /// </summary>
    public int Workers { get; init; } = 1;

    /// <summary>Seed for CP-SAT's randomised choices; fixed in tests.</summary>
    public int RandomSeed { get; init; }

    /// <summary>Drop dominated candidates before modelling (exact, see <see cref="DominanceFilter"/>); off only to test that claim.</summary>
    internal bool PruneDominated { get; init; } = true;

    /// <summary>Add the group-dominance cuts (exact, see <see cref="GroupDominance"/>) to the best layout's model; off only to test that claim.</summary>
    internal bool UseGroupCuts { get; init; } = true;

    /// <summary>
    /// Time the exact branch and bound (<see cref="CoverSearch"/>) may spend on the best layout before CP-SAT takes
    /// over with its incumbent as hint and price cap; zero turns it off. 10 ms measured best on the suite
    /// (solver/EXPERIMENTS.md): it finishes most requests in about a millisecond, and where it does not, CP-SAT's cuts
    /// prove faster than more branching (5 ms: same; 30 / 60 ms: fewer proofs, more requests over 100 ms).
    /// </summary>
    public TimeSpan CoverSearchBudget { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Also stop the branch and bound after this many states (0: no limit). With a generous time budget and CP-SAT's
    /// max_deterministic_time this makes a benchmark run independent of the machine's load (solver-suite
    /// --deterministic); the service uses the time budget.
    /// </summary>
    internal long CoverSearchStateLimit { get; init; }

    /// <summary>
    /// Break price ties with a second solve (price fixed) instead of the single scaled objective. The scaled
    /// objective is used otherwise, unless it could overflow.
    /// </summary>
    internal bool TwoSolveTieBreak { get; init; }

    /// <summary>
    /// Further CP-SAT parameters in protobuf text format, appended as given: for tuning experiments and the suite's
    /// deterministic budget (solver-suite --params, --deterministic), never configuration. Unchecked: CP-SAT aborts the
    /// process on a name it does not know or one the solver already sets (NodePoolModel).
    /// </summary>
    internal string? ExtraParameters { get; init; }

    /// <summary>
    /// Receives each stage of every solve (null, the default: nothing is recorded and CP-SAT runs without a solution
    /// callback). Called on the solving thread; for benchmarks and diagnosis (solver-suite --trace).
    /// </summary>
    public Action<SolverTraceEvent>? Trace { get; init; }

    public static SolverOptions Default { get; } = new();

    /// <summary>What makes these options unusable, one message per problem (empty when they are fine).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (TimeLimit <= TimeSpan.Zero)
        {
            problems.Add("TimeLimit must be positive.");
        }

        if (Workers < 1)
        {
            problems.Add("Workers must be at least 1.");
        }

        if (CoverSearchBudget < TimeSpan.Zero)
        {
            problems.Add("CoverSearchBudget must not be negative (0 = off).");
        }

        return problems;
    }

    /// <summary>One worker and a fixed seed: same answer on every run.</summary>
    public static SolverOptions Deterministic { get; } = new() { Workers = 1, RandomSeed = 42 };
}
