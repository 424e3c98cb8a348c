using System.Globalization;
using Google.OrTools.Sat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Solver;

/// <summary>
/// Recommends node-pool layouts: validate, build the pruned integer problem, solve it with the engine
/// <see cref="LayoutSearch"/> chooses (the exact searches of ours, CP-SAT), ask it for each alternative, and turn the
/// counts into layouts (with the greedy fallback when nothing is proven). Infeasible requests and timeouts are answers, never exceptions; a solve that throws is logged here
/// and reported as <see cref="SolverFailedException"/> (INTERNAL), its message never shown to the caller.
/// </summary>
public sealed partial class CpSatRecommender(SolverOptions options, TimeProvider time, ILogger? logger = null) : IRecommender
{
    /// <summary>
    /// Time kept from the search for the work after it (at most a tenth of the limit): the greedy fallback and checker
    /// that a stopped search runs, and building the layouts. Measured 6-9 ms past a 100 ms limit on the suite's
    /// stopped requests without it (solver/EXPERIMENTS.md), so an answer asked within 100 ms took up to 110 ms.
    /// </summary>
    private static readonly TimeSpan FinishReserve = TimeSpan.FromMilliseconds(10);

    private readonly ILogger log = logger ?? NullLogger.Instance;

    public CpSatRecommender()
        : this(SolverOptions.Default, TimeProvider.System)
    {
    }

    public SolverOptions Options { get; } = options.Problems() is { Count: > 0 } problems
        ? throw new ArgumentException(string.Join(" ", problems), nameof(options))
        : options;

    /// <summary>Loads the native library and JITs the solve path with a trivial model (call once at start-up).</summary>
    public static void WarmUp()
    {
        var model = new CpModel();
        var x = model.NewIntVar(0, 10, "x");
        model.Add(x >= 3);
        model.Minimize(x);
        using var solver = new CpSolver { StringParameters = "max_time_in_seconds:1 num_workers:1" };
        solver.Solve(model);
    }

    public Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct) =>
        Task.FromResult(Recommend(request, catalog, ct));

    /// <summary>The synchronous form of <see cref="RecommendAsync"/> (CPU-bound; benchmarks call it directly).</summary>
    public Recommendation Recommend(LayoutRequest request, RegionCatalog catalog, CancellationToken ct = default)
    {
        LayoutRequestValidator.Validate(request, catalog);
        var limit = TimeLimitOf(request);
        var started = time.GetTimestamp();
        var problem = NodePoolProblemBuilder.Build(request, catalog, Options.PruneDominated);
        if (problem.Candidates.Count == 0)
        {
            return Answer(RecommendationStatus.Infeasible, [], null, InfeasibilityExplainer.Explain(request, catalog, problem));
        }

        // LayoutSearch chooses the engine; one branch-and-bound budget for the whole request, whichever engine spends it.
        // The search stops a little early so that what follows it (the greedy fallback, the layouts) still fits the limit.
        var searchTime = limit - TimeSpan.FromTicks(Math.Min(limit.Ticks / 10, FinishReserve.Ticks));
        var search = new LayoutSearch(problem, Options, time, started + (long)(searchTime.TotalSeconds * time.TimestampFrequency))
        {
            PriceCapMicros = FallbackLayout.SinglePoolPriceMicros(problem),
        };
        NodePoolSolution first;
        try
        {
            first = search.Best(request.Alternatives, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failed(e, request, "the best layout");
        }

        ct.ThrowIfCancellationRequested();
        switch (first.Status)
        {
            case SolveStatus.Infeasible:
                return Answer(RecommendationStatus.Infeasible, [], null, InfeasibilityExplainer.Explain(request, catalog, problem));
            case SolveStatus.ModelInvalid:
                return Fallback(request, catalog, problem, "The solver rejected the model.");
            case not (SolveStatus.Optimal or SolveStatus.Feasible):
                return Fallback(request, catalog, problem, $"No layout found within the {limit.TotalMilliseconds:0} ms limit.");
        }

        var layouts = new List<Layout> { ToLayout(problem, first.Counts!, request) };
        if (first.Status != SolveStatus.Optimal && FallbackLayout.Find(request, catalog, problem) is { } fallback
            && LayoutFactory.Create(fallback, request) is { } greedy && greedy.HourlyPrice < layouts[0].HourlyPrice)
        {
            // Stopped early with something dearer than the greedy layout: never answer worse than the baseline.
            layouts[0] = greedy;
        }

        for (var k = 1; k < request.Alternatives; k++)
        {
            NodePoolSolution next;
            try
            {
                next = search.Next(true, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw Failed(e, request, $"alternative {k + 1}");
            }

            ct.ThrowIfCancellationRequested();
            if (!next.HasLayout)
            {
                break;
            }

            layouts.Add(ToLayout(problem, next.Counts!, request));
        }

        var optimal = first.Status == SolveStatus.Optimal;
        var lowerBound = first.PriceBoundMicros is { } b ? Math.Min(PriceScale.FromMicros(b), layouts[0].HourlyPrice) : (decimal?)null;
        return Answer(
            optimal ? RecommendationStatus.Optimal : RecommendationStatus.Feasible,
            layouts,
            lowerBound,
            optimal ? null : "The time limit was reached before optimality was proven; see gap.");

        Recommendation Answer(RecommendationStatus status, IReadOnlyList<Layout> found, decimal? bound, string? explanation)
        {
            var price = found.Count > 0 ? found[0].HourlyPrice : (decimal?)null;
            double? gap = status == RecommendationStatus.Optimal ? 0
                : price is { } p && bound is { } lb ? (double)(p <= 0 ? 0 : (p - lb) / p) : null;
            var age = time.GetUtcNow() - catalog.UpdatedAt;
            return new Recommendation(
                status,
                found,
                bound ?? (status == RecommendationStatus.Optimal ? price : null),
                gap,
                (long)time.GetElapsedTime(started).TotalMilliseconds,
                explanation,
                catalog.Version,
                age < TimeSpan.Zero ? TimeSpan.Zero : age,
                catalog.Currency);
        }

        Recommendation Fallback(LayoutRequest r, RegionCatalog c, NodePoolProblem p, string reason)
        {
            var greedy = FallbackLayout.Find(r, c, p);
            return greedy is null
                ? Answer(RecommendationStatus.TimedOut, [], null, reason + " No fallback layout satisfies the request either.")
                : Answer(RecommendationStatus.TimedOut, [LayoutFactory.Create(greedy, r)], null, reason + " Returned the greedy fallback layout.");
        }
    }

    private SolverFailedException Failed(Exception e, LayoutRequest request, string stage)
    {
        LogFailed(log, e, stage, request.Region, request.Cpu, request.MemoryGiB, request.Gpus);
        return new SolverFailedException(e);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The solver failed computing {Stage} for {Region}: {Cpu} vCPU, {MemoryGiB} GiB, {Gpus} GPUs")]
    private static partial void LogFailed(ILogger logger, Exception exception, string stage, string region, double cpu, double memoryGiB, int gpus);

    /// <summary>The request's own time limit (validated against the service's), or the service's.</summary>
    private TimeSpan TimeLimitOf(LayoutRequest request)
    {
        if (request.TimeLimitMs is not { } ms)
        {
            return Options.TimeLimit;
        }

        var most = (long)Math.Floor(Options.TimeLimit.TotalMilliseconds);
        return ms >= 1 && ms <= most
            ? TimeSpan.FromMilliseconds(ms)
            : throw new ValidationException("timeLimitMs", string.Create(CultureInfo.InvariantCulture, $"{ms} is outside 1-{most} ms (this service's limit, Solver:TimeLimit)."));
    }

    private static Layout ToLayout(NodePoolProblem problem, IReadOnlyList<int> counts, LayoutRequest request) =>
        LayoutFactory.Create(
            problem.Candidates.Select((c, i) => new PoolChoice(c.Offering, c.CapacityType, counts[i], c.UnitPrice)),
            request);
}
