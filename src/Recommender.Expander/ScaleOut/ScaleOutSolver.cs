using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// Computes the cheapest scale-out: validates, builds the problem, solves <see cref="ScaleOutModel"/> (then again for
/// each alternative, each forbidding the option sets found before), checks the pods' packing, and prices the
/// single-pool baseline. CPU-bound for up to the time limit; callers run it in a solver slot (<see cref="ScaleOutService"/>).
/// </summary>
/// <param name="maxTimeLimit">The service's solve-time limit (Solver:TimeLimit): the most a request may ask.</param>
/// <param name="defaultTimeLimit">
/// The time a request without timeLimitMs gets (Solver:ScaleOutWithin); null = <paramref name="maxTimeLimit"/>. A scale-out
/// has no background proof: an autoscaler acts on the answer it gets, so its default is short.
/// </param>
public sealed class ScaleOutSolver(TimeSpan maxTimeLimit, int workers = 1, int randomSeed = 0, TimeSpan? defaultTimeLimit = null)
{
    /// <summary>The least time a further solve (an alternative) is started with.</summary>
    private static readonly TimeSpan MinimumSolve = TimeSpan.FromMilliseconds(5);

    public int MaxTimeLimitMs { get; } = (int)Math.Clamp(maxTimeLimit.TotalMilliseconds, 1, int.MaxValue);

    public int DefaultTimeLimitMs { get; } = (int)Math.Clamp((defaultTimeLimit ?? maxTimeLimit).TotalMilliseconds, 1, maxTimeLimit.TotalMilliseconds);

    /// <exception cref="Core.Errors.ValidationException">Malformed input, naming the field.</exception>
    public ScaleOutResult Solve(ScaleOutRequest request, RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        var started = Stopwatch.GetTimestamp();
        ScaleOutValidator.Validate(request, catalog, MaxTimeLimitMs);
        var problem = ScaleOutProblemBuilder.Build(request, catalog);
        var limit = TimeSpan.FromMilliseconds(request.TimeLimitMs ?? DefaultTimeLimitMs);
        var baseline = Baseline(problem);

        ScaleOutResult Answer(RecommendationStatus status, IReadOnlyList<ScaleOutPlan> plans, decimal? bound, string? explanation)
        {
            double? gap = plans.Count == 0 || bound is null ? null
                : plans[0].AddedHourlyPrice == 0 ? 0 : (double)((plans[0].AddedHourlyPrice - bound.Value) / plans[0].AddedHourlyPrice);
            return new ScaleOutResult(status, plans, bound, gap, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, explanation,
                problem.Demand, problem.PodRule, baseline, problem.Options.Count, catalog.Version, catalog.Currency);
        }

        if (problem.Pods.FirstOrDefault(p => !problem.Options.Any(o => ScaleOutModel.Fits(p, o))) is { } homeless)
        {
            return Answer(RecommendationStatus.Infeasible, [], null, FormattableString.Invariant(
                $"Pod {homeless.Names} ({homeless.MilliCpu} m vCPU, {homeless.MemoryMiB} MiB, {homeless.Gpus} GPUs) fits no node the change may "
                ) + "add: no growable pool or new-pool type holds it where its node selector and tolerations allow.");
        }

        if (problem.Demand.IsCoveredBySpare && problem.Pods.Count == 0)
        {
            var none = Plan(problem, new long[problem.Options.Count], 0);
            return Answer(RecommendationStatus.Optimal, [none], 0, "The existing pools' spare capacity covers the demand: nothing to add.");
        }

        var model = new ScaleOutModel(problem);
        var plans = new List<ScaleOutPlan>();
        var deadline = started + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        ScaleOutSolution? first = null;
        var overflowed = 0;
        for (var k = 0; k < request.Alternatives; k++)
        {
            var remaining = TimeSpan.FromSeconds((deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            if (k > 0 && remaining < MinimumSolve)
            {
                break;
            }

            var solution = model.Solve(remaining, workers, randomSeed, ct);
            if (solution.Status == CpSolverStatus.ModelInvalid)
            {
                throw new InvalidOperationException("The scale-out model is invalid.");
            }

            first ??= solution;
            if (!solution.HasSolution)
            {
                break;
            }

            var counts = Packed(problem, solution);
            if (Enumerable.Range(0, counts.Length).Any(o => counts[o] > problem.Options[o].MaxNodes))
            {
                // The pods need more nodes than the model's count, and more than the pool may add: not a change we can
                // offer. The set is excluded like any other, so the next round looks for one that packs.
                overflowed++;
            }
            else
            {
                plans.Add(Plan(problem, counts, solution.Nodes.Sum()));
            }

            model.Exclude([.. Enumerable.Range(0, counts.Length).Where(i => solution.Nodes[i] > 0)]);
        }

        if (first is { HasSolution: true } && plans.Count == 0)
        {
            return Answer(RecommendationStatus.TimedOut, [], null, FormattableString.Invariant(
                $"The pending pods did not pack first-fit decreasing onto any change found ({overflowed} tried) without growing a pool past its maxSize; ")
                + "allow new pools, raise maxSize, or ask for more alternatives.");
        }

        return first!.Status switch
        {
            CpSolverStatus.Infeasible => Answer(RecommendationStatus.Infeasible, [], null, Infeasible(problem)),
            CpSolverStatus.Unknown => Answer(RecommendationStatus.TimedOut, [], null,
                $"No change was found within {limit.TotalMilliseconds:0} ms; retry with a larger timeLimitMs."),
            _ => Found(first, plans),
        };

        ScaleOutResult Found(ScaleOutSolution best, List<ScaleOutPlan> found)
        {
            var bound = Math.Min(PriceScale.FromMicros(best.BoundMicros), found[0].AddedHourlyPrice);
            var packed = found[0].PackedByCheck > 0;
            var optimal = best.Status == CpSolverStatus.Optimal && !packed && overflowed == 0;
            var explanation = packed
                ? $"The pods did not pack onto the model's nodes first-fit decreasing; the check added {found[0].PackedByCheck} node(s), so the change is not proven cheapest."
                : overflowed > 0
                    ? $"{overflowed} cheaper change(s) were dropped: their pods packed only past a pool's maxSize. This one is not proven cheapest."
                    : optimal ? null : "The time limit ended the search before the change was proven cheapest; see gap.";
            return Answer(optimal ? RecommendationStatus.Optimal : RecommendationStatus.Feasible, found, optimal ? found[0].AddedHourlyPrice : bound, explanation);
        }
    }

    /// <summary>Nodes added per option after the packing check: at least what first-fit decreasing needs for the option's pods.</summary>
    private static long[] Packed(ScaleOutProblem problem, ScaleOutSolution solution)
    {
        var counts = solution.Nodes.ToArray();
        if (solution.Assigned is not { } assigned)
        {
            return counts;
        }

        for (var o = 0; o < counts.Length; o++)
        {
            var pods = Enumerable.Range(0, problem.Pods.Count).Select(c => (problem.Pods[c], assigned[c][o]));
            if (FirstFitDecreasing.NodesNeeded(pods, problem.Options[o]) is { } needed && needed > counts[o])
            {
                counts[o] = needed;
            }
        }

        return counts;
    }

    private static ScaleOutPlan Plan(ScaleOutProblem problem, long[] counts, long modelNodes)
    {
        var request = problem.Request;
        var zones = request.Zones is { Count: > 0 } z ? z : problem.Catalog.Region.Zones.Select(x => x.Id).ToList();
        var layout = new List<PoolChange>();
        for (var i = 0; i < request.Pools.Count; i++)
        {
            var pool = request.Pools[i];
            var offering = problem.Catalog.Find(pool.InstanceType)!;
            var growth = Enumerable.Range(0, counts.Length).FirstOrDefault(o => problem.Options[o].PoolIndex == i, -1);
            var added = growth >= 0 ? (int)counts[growth] : 0;
            var poolZones = pool.Zones.Count > 0 ? pool.Zones : zones;
            layout.Add(new PoolChange(pool.Name.Length > 0 ? pool.Name : $"pool-{i}", false, pool.InstanceType, pool.CapacityType, poolZones,
                pool.NodeCount, added, ScaleOutProblemBuilder.PoolUnitPrice(offering, pool.CapacityType, poolZones)));
        }

        var fresh = 0;
        for (var o = 0; o < counts.Length; o++)
        {
            var option = problem.Options[o];
            if (!option.IsGrowth && counts[o] > 0)
            {
                layout.Add(new PoolChange($"new-{++fresh}", true, option.Offering.Name, option.CapacityType, option.Zones, 0, (int)counts[o], option.UnitPrice));
            }
        }

        var changes = layout.Where(p => p.NodesAdded > 0).OrderByDescending(p => p.AddedHourlyPrice).ToList();
        return new ScaleOutPlan(changes, layout, changes.Sum(p => p.AddedHourlyPrice), layout.Sum(p => p.HourlyPriceAfter),
            changes.Sum(p => p.NodesAdded), (int)Math.Max(0, counts.Sum() - modelNodes));
    }

    /// <summary>The cheapest single existing pool that meets the whole demand (and every pod) by growing alone.</summary>
    private static SinglePoolGrowth? Baseline(ScaleOutProblem problem)
    {
        SinglePoolGrowth? best = null;
        var d = problem.Demand;
        foreach (var option in problem.Options.Where(o => o.IsGrowth))
        {
            if ((d.NetMilliCpu > 0 && option.MilliCpu <= 0) || (d.NetMemoryMiB > 0 && option.MemoryMiB <= 0) || (d.NetGpus > 0 && option.Gpus <= 0)
                || (problem.Request.OnDemandPct > 0 && option.CapacityType == CapacityType.Spot && !d.IsCoveredBySpare))
            {
                continue;
            }

            long nodes = ScaleOutModel.UpperBound(problem with { Pods = [], PodRule = PodRule.None, ClusterRoom = int.MaxValue }, option with { MaxNodes = int.MaxValue });
            if (problem.Pods.Count > 0)
            {
                if (FirstFitDecreasing.NodesNeeded(problem.Pods.Select(p => (p, (long)p.Count)), option) is not { } packed)
                {
                    continue;
                }

                nodes = Math.Max(nodes, packed);
            }

            var pool = problem.Request.Pools[option.PoolIndex!.Value];
            if (nodes > option.MaxNodes || nodes > problem.ClusterRoom)
            {
                continue;
            }

            var price = nodes * option.UnitPrice;
            if (best is null || price < best.AddedHourlyPrice)
            {
                best = new SinglePoolGrowth(pool.Name.Length > 0 ? pool.Name : $"pool-{option.PoolIndex}", pool.InstanceType, (int)nodes, price);
            }
        }

        return best;
    }

    private static string Infeasible(ScaleOutProblem problem)
    {
        var r = problem.Request;
        var d = problem.Demand;
        if (problem.Options.Count == 0)
        {
            return r.AllowNewPools && r.MaxNewPools is not 0
                ? "No pool may grow (canGrow false, at maxSize, or sold out) and the filters keep no instance type for a new pool."
                : "No pool may grow (canGrow false, at maxSize, or sold out) and new pools are not allowed.";
        }

        return FormattableString.Invariant(
            $"No change meets the net demand ({d.NetMilliCpu / 1000.0} vCPU, {d.NetMemoryMiB / 1024.0:0.###} GiB, {d.NetGpus} GPUs")
            + FormattableString.Invariant($"{(problem.Pods.Count > 0 ? $", {problem.TotalPods} pods" : "")}) within the limits: the pools' max sizes, ")
            + FormattableString.Invariant($"maxNewPools {(r.MaxNewPools?.ToString(CultureInfo.InvariantCulture) ?? "unlimited")}, onDemandPct {r.OnDemandPct} ")
            + FormattableString.Invariant($"and the cluster's {LayoutRequestLimits.MaxNodes}-node limit ({problem.ClusterRoom} nodes left).");
    }
}
