using System.Globalization;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>
/// Cheap checks that name the requirement an infeasible request cannot meet: which filter left no instance type,
/// which resource needs more than maxNodes nodes even with the largest type, whether sameSize or maxPools is the
/// obstacle.
/// </summary>
public static class InfeasibilityExplainer
{
    public static string Explain(LayoutRequest request, RegionCatalog catalog, NodePoolProblem problem)
    {
        var filter = new CandidateFilter(request, catalog);
        if (problem.Candidates.Count == 0)
        {
            return $"No instance type is left: {Emptied(filter, catalog.InstanceTypes, "")}.";
        }

        if (problem.Gpus > 0 && !problem.Candidates.Any(c => c.Gpus > 0))
        {
            var gpuTypes = catalog.InstanceTypes.Where(o => o.Type.GpuCount > 0).ToList();
            return gpuTypes.Count == 0
                ? $"{problem.Gpus} GPUs requested, but no instance type in {catalog.Region.Id} has GPUs."
                : $"{problem.Gpus} GPUs requested: {Emptied(filter, gpuTypes, " with GPUs")}.";
        }

        var tooFew = NodeShortage(problem, problem.Candidates, "");
        if (tooFew is not null)
        {
            return tooFew;
        }

        if (problem.SameSize && SingleSizeShortage(problem) is { } sizeReason)
        {
            return sizeReason;
        }

        var rules = string.Concat(
            request.SameSize ? ", all nodes the same size" : "",
            request.OnDemandPct > 0 ? FormattableString.Invariant($", {request.OnDemandPct}% on-demand") : "",
            SpotDiversityRule.Binds(request.SpotDiversity) ? FormattableString.Invariant($", spot spread over {request.SpotDiversity} types") : "");
        return FormattableString.Invariant(
            $"Each requirement can be met alone, but not all together: {request.Cpu} vCPU, {request.MemoryGiB} GiB, {request.Gpus} GPUs on {request.MinNodes}-{request.MaxNodes} nodes with at most {problem.MaxPools} pools{rules}.");
    }

    private static string Emptied(CandidateFilter filter, IEnumerable<InstanceOffering> start, string subject)
    {
        var step = filter.FirstEmptyingStep(start);
        return step is null ? $"no instance type{subject} is usable" : $"no instance type{subject} {step} (among those passing the filters before it)";
    }

    /// <summary>A resource that needs more than maxNodes nodes even if every node were the largest candidate.</summary>
    private static string? NodeShortage(NodePoolProblem problem, IReadOnlyList<PoolCandidate> candidates, string context)
    {
        var resources = new (string Name, long Demand, Func<PoolCandidate, long> PerNode, double Unit, string UnitName)[]
        {
            ("vCPU", problem.CpuMillis, c => c.CpuMillis, 1000, "vCPU"),
            ("memory", problem.MemoryMiB, c => c.MemoryMiB, 1024, "GiB"),
            ("GPUs", problem.Gpus, c => c.Gpus, 1, "GPUs"),
        };
        foreach (var (name, demand, perNode, unit, unitName) in resources)
        {
            if (demand <= 0)
            {
                continue;
            }

            var largest = candidates.MaxBy(perNode)!;
            var size = perNode(largest);
            var needed = NodeCover.Of(demand, size);
            if (needed > problem.MaxNodes)
            {
                // "400 GiB of memory", but "100 vCPU" rather than "100 vCPU of vCPU".
                var of = string.Equals(name, unitName, StringComparison.Ordinal) ? "" : $" of {name}";
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"maxNodes {problem.MaxNodes} is too low{context}: {demand / unit:0.###} {unitName}{of} need at least " +
                    $"{(needed == NodeCover.Never ? "infinitely many" : needed.ToString(CultureInfo.InvariantCulture))} nodes even " +
                    $"with the largest candidate {largest.Name} ({size / unit:0.###} {unitName} allocatable per node).");
            }
        }

        return null;
    }

    private static string? SingleSizeShortage(NodePoolProblem problem)
    {
        foreach (var shape in problem.Candidates.GroupBy(c => c.Shape))
        {
            if (NodeShortage(problem, [.. shape], "") is null)
            {
                return null;
            }
        }

        return $"sameSize: no single node size covers the request with at most {problem.MaxNodes} nodes.";
    }
}
