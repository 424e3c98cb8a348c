using System.Globalization;
using Google.OrTools.Sat;
using Recommender.Core.Recommendations;
using Recommender.Solver;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// The scale-out as a CP-SAT model, in the OR-Tools samples' order: data (a <see cref="ScaleOutProblem"/>), variables
/// (nodes added per option, whether the option is used, pods per option), one method per constraint family, the
/// objective (added hourly price), solve, extract. Every rule is linear over integers, so OPTIMAL is a proof.
/// </summary>
internal sealed class ScaleOutModel
{
    private readonly ScaleOutProblem problem;
    private readonly CpModel model = new();
    private readonly IntVar[] nodes;
    private readonly BoolVar[] used;

    /// <summary>[class][option] pods of the class placed on the option's nodes; null where they may not go (Packed only).</summary>
    private readonly IntVar?[][] assigned;

    public ScaleOutModel(ScaleOutProblem problem)
    {
        this.problem = problem;
        var count = problem.Options.Count;
        nodes = new IntVar[count];
        used = new BoolVar[count];
        assigned = new IntVar?[problem.PodRule == PodRule.Packed ? problem.Pods.Count : 0][];
        CreateVariables();
        AddCoverage();
        AddOnDemandShare();
        AddNewPoolLimit();
        AddClusterRoom();
        AddPods();
        SetObjective();
    }

    /// <summary>Most nodes an optimal change adds with <paramref name="option"/> (proof in the README, "Scale-out").</summary>
    public static int UpperBound(ScaleOutProblem problem, ScaleOutOption option)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(option);
        var d = problem.Demand;
        long cover = Math.Max(Math.Max(Ceil(d.NetMilliCpu, option.MilliCpu), Ceil(d.NetMemoryMiB, option.MemoryMiB)), Ceil(d.NetGpus, option.Gpus));
        var pods = problem.PodRule switch
        {
            PodRule.Packed => problem.TotalPods,
            PodRule.LargestPod => 1,
            _ => 0,
        };
        return (int)Math.Min(Math.Min(option.MaxNodes, problem.ClusterRoom), cover + pods);

        // Nodes of this option alone that cover a resource; a resource it does not have leaves the bound to the others.
        static long Ceil(long need, long each) => need <= 0 || each <= 0 ? 0 : (need + each - 1) / each;
    }

    /// <summary>Whether one pod of <paramref name="pod"/> may run on an empty node of <paramref name="option"/>.</summary>
    public static bool Fits(PodClass pod, ScaleOutOption option)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(option);
        return pod.Placement.Allows(option) && pod.MilliCpu <= option.MilliCpu && pod.MemoryMiB <= option.MemoryMiB && pod.Gpus <= option.Gpus;
    }

    /// <summary>Forbids the exact set of options <paramref name="usedOptions"/> (so the next solve is an alternative).</summary>
    public void Exclude(IReadOnlyList<int> usedOptions)
    {
        if (usedOptions.Count > 0)
        {
            model.Add(LinearExpr.Sum(usedOptions.Select(i => used[i])) <= usedOptions.Count - 1);
        }
    }

    public ScaleOutSolution Solve(TimeSpan limit, int workers, int seed, CancellationToken ct)
    {
        using var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(limit.TotalSeconds, 0.001):0.###} num_workers:{workers} random_seed:{seed}"),
        };
        using var stop = ct.Register(solver.StopSearch);
        var status = solver.Solve(model);
        ct.ThrowIfCancellationRequested();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new ScaleOutSolution(status, [], null, 0, 0);
        }

        var counts = nodes.Select(solver.Value).ToArray();
        var pods = assigned.Select(row => row.Select(v => v is null ? 0 : solver.Value(v)).ToArray()).ToList();
        return new ScaleOutSolution(status, counts, assigned.Length > 0 ? pods : null, (long)Math.Round(solver.ObjectiveValue),
            (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6));
    }

    private void CreateVariables()
    {
        for (var o = 0; o < problem.Options.Count; o++)
        {
            var upper = UpperBound(problem, problem.Options[o]);
            nodes[o] = model.NewIntVar(0, upper, $"nodes[{o}]");
            used[o] = model.NewBoolVar($"used[{o}]");
            // used[o] exactly when the option adds at least one node.
            model.Add(nodes[o] <= upper * (LinearExpr)used[o]);
            model.Add(nodes[o] >= used[o]);
        }

        for (var c = 0; c < assigned.Length; c++)
        {
            var pod = problem.Pods[c];
            assigned[c] = new IntVar?[problem.Options.Count];
            for (var o = 0; o < problem.Options.Count; o++)
            {
                if (Fits(pod, problem.Options[o]))
                {
                    assigned[c][o] = model.NewIntVar(0, pod.Count, $"pods[{c},{o}]");
                }
            }
        }
    }

    /// <summary>Demand coverage: the added allocatable vCPU, memory and GPUs cover the demand net of spare capacity.</summary>
    private void AddCoverage()
    {
        var d = problem.Demand;
        model.Add(Weighted(o => o.MilliCpu) >= d.NetMilliCpu);
        model.Add(Weighted(o => o.MemoryMiB) >= d.NetMemoryMiB);
        model.Add(Weighted(o => o.Gpus) >= d.NetGpus);
    }

    /// <summary>On-demand share: added on-demand nodes cover the requested percent of the net vCPU and of the net memory.</summary>
    private void AddOnDemandShare()
    {
        var pct = problem.Request.OnDemandPct;
        if (pct == 0)
        {
            return;
        }

        var d = problem.Demand;
        model.Add(Weighted(o => o.MilliCpu, CapacityType.OnDemand) >= ((d.NetMilliCpu * pct) + 99) / 100);
        model.Add(Weighted(o => o.MemoryMiB, CapacityType.OnDemand) >= ((d.NetMemoryMiB * pct) + 99) / 100);
    }

    /// <summary>New pools: at most the request's max new pools (growing a pool never counts).</summary>
    private void AddNewPoolLimit()
    {
        if (problem.Request.MaxNewPools is { } max)
        {
            model.Add(LinearExpr.Sum(Indexes(o => !o.IsGrowth).Select(i => used[i])) <= max);
        }
    }

    /// <summary>Cluster size: the nodes added fit in what the cluster may still add.</summary>
    private void AddClusterRoom() => model.Add(LinearExpr.Sum(nodes) <= problem.ClusterRoom);

    /// <summary>
    /// Pods. Packed: every pod goes to one option whose empty node holds it, and each option's added nodes hold its
    /// pods' total requests and pod count (the exact packing is checked after the solve). Largest-pod rule: every pod
    /// class has some used option whose empty node holds one of its pods.
    /// </summary>
    private void AddPods()
    {
        for (var c = 0; c < problem.Pods.Count; c++)
        {
            var pod = problem.Pods[c];
            if (problem.PodRule == PodRule.LargestPod)
            {
                model.Add(LinearExpr.Sum(Indexes(o => Fits(pod, o)).Select(i => used[i])) >= 1);
                continue;
            }

            model.Add(LinearExpr.Sum(assigned[c].OfType<IntVar>()) == pod.Count);
            for (var o = 0; o < problem.Options.Count; o++)
            {
                if (assigned[c][o] is { } x)
                {
                    model.Add(x <= pod.Count * (LinearExpr)used[o]);
                }
            }
        }

        if (problem.PodRule != PodRule.Packed)
        {
            return;
        }

        for (var o = 0; o < problem.Options.Count; o++)
        {
            var option = problem.Options[o];
            var terms = Enumerable.Range(0, problem.Pods.Count).Where(c => assigned[c][o] is not null).ToList();
            if (terms.Count == 0)
            {
                continue;
            }

            model.Add(PodSum(terms, o, p => p.MilliCpu) <= option.MilliCpu * (LinearExpr)nodes[o]);
            model.Add(PodSum(terms, o, p => p.MemoryMiB) <= option.MemoryMiB * (LinearExpr)nodes[o]);
            model.Add(PodSum(terms, o, p => p.Gpus) <= option.Gpus * (LinearExpr)nodes[o]);
            model.Add(PodSum(terms, o, _ => 1) <= ScaleOutProblem.MaxPodsPerNode * (LinearExpr)nodes[o]);
        }
    }

    private void SetObjective() => model.Minimize(Weighted(o => PriceScale.ToMicros(o.UnitPrice)));

    private LinearExpr PodSum(List<int> classes, int option, Func<PodClass, long> size)
    {
        var builder = LinearExpr.NewBuilder();
        foreach (var c in classes)
        {
            builder.AddTerm(assigned[c][option]!, size(problem.Pods[c]));
        }

        return builder;
    }

    private LinearExpr Weighted(Func<ScaleOutOption, long> size, CapacityType? only = null)
    {
        var builder = LinearExpr.NewBuilder();
        for (var o = 0; o < problem.Options.Count; o++)
        {
            var option = problem.Options[o];
            if (only is null || option.CapacityType == only)
            {
                builder.AddTerm(nodes[o], size(option));
            }
        }

        return builder;
    }

    private IEnumerable<int> Indexes(Func<ScaleOutOption, bool> keep) => Enumerable.Range(0, problem.Options.Count).Where(i => keep(problem.Options[i]));
}
