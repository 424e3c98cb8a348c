namespace Recommender.Solver;

/// <summary>
/// The one place that chooses the engine, and successive solves of one problem under one deadline. The best layout:
/// maxPools ≤ 2 by pair enumeration (<see cref="FewPoolsSearch"/>); sameSize with several sizes by the per-size
/// search (<see cref="SameSizeSearch"/>, each size back here); otherwise the branch and bound
/// (<see cref="CoverSearch"/>) within the request's budget, then CP-SAT from its layout. The first two answer the
/// best layout only, so a request with alternatives takes the last path; each alternative is a CP-SAT solve with a
/// no-good cut on every type set found so far. CP-SAT gets the single scaled objective when it fits in int64, else
/// two solves (cheapest price; then, with price fixed, fewest nodes and pools), which is exact by construction.
/// </summary>
internal sealed class LayoutSearch(NodePoolProblem problem, SolverOptions options, TimeProvider time, long deadline)
{
    private readonly ObjectiveWeights? lexicographic = options.TwoSolveTieBreak ? null : ObjectiveWeights.Lexicographic(problem);
    private readonly List<HashSet<int>> typeSets = [];
    private readonly Lazy<IReadOnlyList<GroupCut>> groupCuts = new(() => GroupDominance.Find(problem));
    private CoverBudget? coverBudget;

    /// <summary>Counts to suggest to the next CP-SAT solve (the branch and bound's incumbent).</summary>
    public IReadOnlyList<int>? Hint { get; set; }

    /// <summary>Price of a known valid layout; bounds the first solve only (see <see cref="NodePoolModel"/>).</summary>
    public long? PriceCapMicros { get; set; }

    /// <summary>The request's branch-and-bound budget, shared with its other searches; null: this search's own.</summary>
    public CoverBudget? CoverBudget { get; init; }

    /// <summary>The best layout, by the engine that suits the problem (see the class remarks).</summary>
    /// <param name="alternatives">Layouts the caller will ask for in all (1: the best only).</param>
    public NodePoolSolution Best(int alternatives, CancellationToken ct)
    {
        if (alternatives == 1 && FewPoolsSearch.Applies(problem))
        {
            return new FewPoolsSearch(problem, time, deadline).Solve(ct);
        }

        if (alternatives == 1 && problem.SameSize && problem.ShapeCount > 1)
        {
            return new SameSizeSearch(problem, options, time, deadline, coverBudget ??= CoverBudget ?? new CoverBudget(options.CoverSearchBudget, time)).Solve(ct);
        }

        return Next(alternatives > 1, ct);
    }

    /// <summary>
    /// The next layout: the best (branch and bound within its budget, then CP-SAT) on the first call, then each
    /// alternative (CP-SAT with the no-good cuts).
    /// </summary>
    public NodePoolSolution Next(bool trackTypes, CancellationToken ct)
    {
        coverBudget ??= CoverBudget ?? new CoverBudget(options.CoverSearchBudget, time);
        var solution = typeSets.Count == 0 && coverBudget.HasTimeLeft ? Cover(coverBudget.End, ct) : null;
        solution ??= lexicographic is { } weights
            ? Build(weights, null, trackTypes).Solve(options, Remaining(), ct)
            : TwoStage(trackTypes, ct);
        if (solution.Counts is { } counts)
        {
            typeSets.Add([.. Enumerable.Range(0, counts.Count).Where(i => counts[i] > 0).Select(i => problem.Candidates[i].TypeIndex)]);
        }

        Hint = null;
        PriceCapMicros = null;
        return solution;
    }

    /// <summary>
    /// The best layout by <see cref="CoverSearch"/> within its budget: its answer when it ran to the end, else null,
    /// and its incumbent becomes CP-SAT's hint and price cap.
    /// </summary>
    private NodePoolSolution? Cover(long budgetEnd, CancellationToken ct)
    {
        var (bounds, _) = NodePoolModel.Bounds(problem, PriceCapMicros, options.UseGroupCuts ? groupCuts.Value : []);
        var started = time.GetTimestamp();
        var search = new CoverSearch(problem, bounds, time, Math.Min(deadline, budgetEnd), options.CoverSearchStateLimit);
        var found = search.Solve(ct);
        var finished = found.Status is SolveStatus.Optimal or SolveStatus.Infeasible;
        options.Trace?.Invoke(new SolverTraceEvent(
            SolverStage.CoverSearch,
            time.GetElapsedTime(started), // with the root LP and polygons, which its own wall time leaves out
            found.HasLayout ? found.PriceMicros : null,
            search.RootBoundMicros is { } bound && bound < long.MaxValue ? bound : null,
            search.Visited,
            finished));
        if (finished)
        {
            return found;
        }

        if (found.Counts is { } incumbent)
        {
            Hint = incumbent;
            PriceCapMicros = Math.Min(PriceCapMicros ?? long.MaxValue, found.PriceMicros);
        }

        return null;
    }

    private NodePoolSolution TwoStage(bool trackTypes, CancellationToken ct)
    {
        var cheapest = Build(ObjectiveWeights.PriceOnly, null, trackTypes).Solve(options, Remaining(), ct);
        if (cheapest.Status != SolveStatus.Optimal || ct.IsCancellationRequested)
        {
            return cheapest;
        }

        var tieBreak = Build(ObjectiveWeights.NodesThenPools(problem), cheapest.PriceMicros, trackTypes, cheapest.Counts);
        var best = tieBreak.Solve(options, Remaining(), ct);
        return best.HasLayout
            ? best with { Status = best.Status, PriceBoundMicros = cheapest.PriceBoundMicros, WallTime = cheapest.WallTime + best.WallTime }
            : cheapest with { Status = SolveStatus.Feasible };
    }

    /// <param name="hint">Counts to suggest (default: <see cref="Hint"/>); a model takes one hint per variable.</param>
    private NodePoolModel Build(ObjectiveWeights weights, long? fixedPrice, bool trackTypes, IReadOnlyList<int>? hint = null)
    {
        // Only the first solve looks for the best layout; the cap and the group cuts would cut off alternatives.
        var best = typeSets.Count == 0;
        var model = new NodePoolModel(
            problem,
            weights,
            fixedPrice,
            trackTypes || !best,
            fixedPrice is null ? PriceCapMicros : null,
            best && options.UseGroupCuts ? groupCuts.Value : null);
        foreach (var set in typeSets)
        {
            model.ExcludeTypeSet(set);
        }

        if ((hint ?? Hint) is { } suggested)
        {
            model.AddHint(suggested);
        }

        return model;
    }

    private TimeSpan Remaining()
    {
        var left = TimeSpan.FromSeconds((deadline - time.GetTimestamp()) / (double)time.TimestampFrequency);
        return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
    }
}
