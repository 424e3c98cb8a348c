using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Solver.Rules;

namespace Recommender.Solver;

/// <summary>Builds the integer-scaled <see cref="NodePoolProblem"/> of a validated request.</summary>
public static class NodePoolProblemBuilder
{
    /// <param name="prune">False only for tests that compare against brute force on the unpruned set.</param>
    public static NodePoolProblem Build(LayoutRequest request, RegionCatalog catalog, bool prune = true)
    {
        var filter = new CandidateFilter(request, catalog);
        var offerings = filter.Apply(catalog.InstanceTypes);
        var shapes = new Dictionary<(int, long), int>();
        var all = new List<PoolCandidate>();
        foreach (var offering in offerings)
        {
            var type = offering.Type;
            var shape = ShapeIndex(shapes, (type.Vcpu, NodeReservation.CapacityMemoryMiB(type)));
            var cpu = NodeReservation.SustainedMillicores(type); // burstable types count at their baseline share
            var memory = NodeReservation.AllocatableMemoryMiB(type);
            if (cpu == 0 && memory == 0 && type.GpuCount == 0)
            {
                continue;
            }

            all.Add(new PoolCandidate(offering, CapacityType.OnDemand, offering.OnDemandPrice, PriceScale.ToMicros(offering.OnDemandPrice), cpu, memory, type.GpuCount, 0, shape));
            // Spot stays a candidate at 100% on-demand: a cheap spot node can still make up minNodes.
            if (filter.SpotPrice(offering) is { } spot)
            {
                all.Add(new PoolCandidate(offering, CapacityType.Spot, spot, PriceScale.ToMicros(spot), cpu, memory, type.GpuCount, 0, shape));
            }
        }

        var kept = prune ? DominanceFilter.Prune(all, request.SameSize, request.SpotDiversity, request.OnDemandPct) : all;
        return Compact(request, kept);
    }

    /// <summary>The same problem over the candidates at <paramref name="members"/> only (types and sizes re-indexed).</summary>
    public static NodePoolProblem Restrict(NodePoolProblem problem, IReadOnlyList<int> members)
    {
        var (candidates, typeNames, shapeCount) = Reindex(members.Select(i => problem.Candidates[i]));
        return problem with
        {
            Candidates = candidates,
            UpperBounds = [.. members.Select(i => problem.UpperBounds[i])],
            MaxPools = Math.Min(problem.MaxPools, candidates.Count),
            TypeNames = typeNames,
            ShapeCount = shapeCount,
        };
    }

    /// <summary>The candidates with their types and sizes numbered from 0 in order of appearance.</summary>
    private static (List<PoolCandidate> Candidates, List<string> TypeNames, int ShapeCount) Reindex(IEnumerable<PoolCandidate> kept)
    {
        var typeNames = new List<string>();
        var typeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var shapeIndex = new Dictionary<int, int>();
        var candidates = new List<PoolCandidate>();
        foreach (var c in kept)
        {
            if (!typeIndex.TryGetValue(c.Name, out var t))
            {
                t = typeIndex[c.Name] = typeNames.Count;
                typeNames.Add(c.Name);
            }

            if (!shapeIndex.TryGetValue(c.Shape, out var s))
            {
                s = shapeIndex[c.Shape] = shapeIndex.Count;
            }

            candidates.Add(c with { TypeIndex = t, Shape = s });
        }

        return (candidates, typeNames, shapeIndex.Count);
    }

    private static NodePoolProblem Compact(LayoutRequest request, IReadOnlyList<PoolCandidate> kept)
    {
        var (candidates, typeNames, shapeCount) = Reindex(kept);
        var cpu = PriceScale.ToMillicores(request.Cpu);
        var memory = PriceScale.ToMiB(request.MemoryGiB);
        var onDemandNodes = FewestOnDemandNodes(candidates, OnDemandShareRule.Required(cpu, request.OnDemandPct), OnDemandShareRule.Required(memory, request.OnDemandPct));
        var bounds = candidates.Select(c => UpperBound(c, request, cpu, memory, onDemandNodes)).ToList();
        return new NodePoolProblem(
            candidates,
            bounds,
            cpu,
            memory,
            request.Gpus,
            OnDemandShareRule.Required(cpu, request.OnDemandPct),
            OnDemandShareRule.Required(memory, request.OnDemandPct),
            request.MinNodes,
            request.MaxNodes,
            Math.Min(request.MaxPools ?? int.MaxValue, candidates.Count),
            request.SpotDiversity,
            request.SameSize,
            typeNames,
            shapeCount);
    }

    /// <summary>
    /// Most nodes of one candidate an optimal layout can hold. If a pool has more than max(minNodes, cover) nodes,
    /// where cover = nodes of that candidate alone covering every demand it contributes to, dropping one node keeps
    /// every demand, the on-demand share (at most the demand), minNodes, the pool and type sets and sameSize, and
    /// lowers price or node count, so it was not optimal. Spot pools under spotDiversity >= 2 are excepted (dropping
    /// a node shrinks the spot total other pools' 1/D share is measured against). Otherwise a spot pool only needs to
    /// cover what the on-demand share leaves (the on-demand pools provide the share on their own) and, with the at
    /// least <paramref name="onDemandNodes"/> on-demand nodes, minNodes: the same removal argument bounds it by
    /// max(that cover, minNodes - onDemandNodes), possibly 0 (then the pool is never needed). A spot pool of any valid layout
    /// (so under every spotDiversity) also leaves room for the on-demand nodes the share needs (at least
    /// <paramref name="onDemandNodes"/>) and, with spotDiversity D >= 2, for one node in each of D - 1 other spot pools.
    /// </summary>
    private static int UpperBound(PoolCandidate c, LayoutRequest request, long cpu, long memory, long onDemandNodes)
    {
        if (c.IsSpot)
        {
            var room = request.MaxNodes - onDemandNodes - SpotDiversityRule.OtherSpotPools(request.SpotDiversity);
            var shareBinds = OnDemandShareRule.Required(cpu, request.OnDemandPct) > 0 || OnDemandShareRule.Required(memory, request.OnDemandPct) > 0;
            if (SpotDiversityRule.PoolsForSpot(request.SpotDiversity, shareBinds) > (request.MaxPools ?? int.MaxValue))
            {
                return 0; // no valid layout has a spot node
            }

            if (SpotDiversityRule.UnboundedByCover(request.SpotDiversity, c) || room <= 0)
            {
                return (int)Math.Max(0, room);
            }

            // The on-demand pools already provide the share, so a spot pool only has to cover the rest.
            var spotCover = Cover(c, cpu - OnDemandShareRule.Required(cpu, request.OnDemandPct), memory - OnDemandShareRule.Required(memory, request.OnDemandPct), request.Gpus);
            // Every layout has at least onDemandNodes other nodes, so minNodes asks this pool for the rest at most.
            return (int)Math.Min(room, Math.Max(request.MinNodes - onDemandNodes, spotCover));
        }

        return (int)Math.Min(request.MaxNodes, Math.Max(Math.Max(request.MinNodes, Cover(c, cpu, memory, request.Gpus)), 1));
    }

    /// <summary>Nodes of this candidate alone covering every demand it contributes to: a resource it lacks does not bound it.</summary>
    private static long Cover(PoolCandidate c, long cpu, long memory, int gpus) =>
        Math.Max(Math.Max(Contributed(cpu, c.CpuMillis), Contributed(memory, c.MemoryMiB)), Contributed(gpus, c.Gpus));

    private static long Contributed(long demand, long perNode) => perNode > 0 ? NodeCover.Of(demand, perNode) : 0;

    /// <summary>
    /// On-demand nodes every layout needs for the share: its vCPU and memory parts, each with the largest on-demand node
    /// (<see cref="NodeCover.Never"/> when no on-demand node holds a part: then no layout meets the share).
    /// </summary>
    private static long FewestOnDemandNodes(IReadOnlyList<PoolCandidate> candidates, long onDemandCpu, long onDemandMemory)
    {
        var onDemand = candidates.Where(c => !c.IsSpot).ToList();
        if (onDemand.Count == 0)
        {
            return 0; // the share (if any) is infeasible anyway; CP-SAT says so
        }

        return Math.Max(NodeCover.Of(onDemandCpu, onDemand.Max(c => c.CpuMillis)), NodeCover.Of(onDemandMemory, onDemand.Max(c => c.MemoryMiB)));
    }

    private static int ShapeIndex(Dictionary<(int, long), int> shapes, (int, long) key)
    {
        if (!shapes.TryGetValue(key, out var index))
        {
            index = shapes[key] = shapes.Count;
        }

        return index;
    }
}
