namespace Recommender.Solver;

/// <summary>
/// The per-depth tables of <see cref="CoverSearch"/>, built once: the depth order of the candidates (cheapest reduced
/// cost first) and, for each depth d, what candidates d.. can still give: the vCPU/memory LP dual polygons (all
/// candidates and on-demand ones, per maxNodes price μ), the cheapest price per GPU and per node, the largest node per
/// resource and the spot candidates left. Index <see cref="Count"/> is "no candidate left".
/// </summary>
internal sealed class CoverTables
{
    /// <param name="upperBounds">Per candidate, the node bounds of the model the search stands in for (0: left out).</param>
    public CoverTables(NodePoolProblem problem, IReadOnlyList<int> upperBounds)
    {
        var usable = Enumerable.Range(0, problem.Candidates.Count).Where(i => upperBounds[i] > 0).ToArray();
        Order = SortByReducedCost(problem, usable);
        Count = Order.Length;
        At = [.. Order.Select(i => problem.Candidates[i])];
        Upper = [.. Order.Select(i => upperBounds[i])];
        NodePrices = NodePricesOf(At);
        AllDual = [.. NodePrices.Select(_ => new DualPolygon[Count + 1])];
        OnDemandDual = [.. NodePrices.Select(_ => new DualPolygon[Count + 1])];
        CheapestPerGpu = new double[Count + 1];
        CheapestNode = new long[Count + 1];
        LargestCpu = new long[Count + 1];
        LargestMemory = new long[Count + 1];
        LargestGpus = new long[Count + 1];
        LargestOnDemandCpu = new long[Count + 1];
        LargestOnDemandMemory = new long[Count + 1];
        SpotLeft = new int[Count + 1];
        for (var m = 0; m < NodePrices.Length; m++)
        {
            AllDual[m][Count] = DualPolygon.Unbounded;
            OnDemandDual[m][Count] = DualPolygon.Unbounded;
        }

        CheapestPerGpu[Count] = double.PositiveInfinity;
        CheapestNode[Count] = long.MaxValue;
        for (var d = Count - 1; d >= 0; d--)
        {
            var c = At[d];
            for (var m = 0; m < NodePrices.Length; m++)
            {
                var price = c.PriceMicros + NodePrices[m];
                AllDual[m][d] = AllDual[m][d + 1].Clip(c.CpuMillis, c.MemoryMiB, price);
                OnDemandDual[m][d] = c.IsSpot ? OnDemandDual[m][d + 1] : OnDemandDual[m][d + 1].Clip(c.CpuMillis, c.MemoryMiB, price);
            }

            CheapestPerGpu[d] = c.Gpus > 0 ? Math.Min(CheapestPerGpu[d + 1], c.PriceMicros / (double)c.Gpus) : CheapestPerGpu[d + 1];
            CheapestNode[d] = Math.Min(CheapestNode[d + 1], c.PriceMicros);
            LargestCpu[d] = Math.Max(LargestCpu[d + 1], c.CpuMillis);
            LargestMemory[d] = Math.Max(LargestMemory[d + 1], c.MemoryMiB);
            LargestGpus[d] = Math.Max(LargestGpus[d + 1], c.Gpus);
            LargestOnDemandCpu[d] = Math.Max(LargestOnDemandCpu[d + 1], c.IsSpot ? 0 : c.CpuMillis);
            LargestOnDemandMemory[d] = Math.Max(LargestOnDemandMemory[d + 1], c.IsSpot ? 0 : c.MemoryMiB);
            SpotLeft[d] = SpotLeft[d + 1] + (c.IsSpot ? 1 : 0);
        }
    }

    /// <summary>Candidates the search branches on (node bound above 0).</summary>
    public int Count { get; }

    /// <summary>Problem index of the candidate at each depth.</summary>
    public int[] Order { get; }

    /// <summary>The candidate at each depth.</summary>
    public PoolCandidate[] At { get; }

    /// <summary>Node bound of the candidate at each depth.</summary>
    public int[] Upper { get; }

    /// <summary>The per-node prices μ of the Lagrangian maxNodes bound (see <see cref="NodePricesOf"/>); index 0 is μ = 0.</summary>
    public double[] NodePrices { get; }

    /// <summary>[μ][d]: the vCPU/memory dual polygon of candidates d.., every node priced μ more.</summary>
    public DualPolygon[][] AllDual { get; }

    /// <summary>[μ][d]: the same for the on-demand candidates d.. (the share).</summary>
    public DualPolygon[][] OnDemandDual { get; }

    public double[] CheapestPerGpu { get; }

    public long[] CheapestNode { get; }

    public long[] LargestCpu { get; }

    public long[] LargestMemory { get; }

    public long[] LargestGpus { get; }

    public long[] LargestOnDemandCpu { get; }

    public long[] LargestOnDemandMemory { get; }

    /// <summary>Spot candidates at depths d.. (spotDiversity needs D spot types).</summary>
    public int[] SpotLeft { get; }

    /// <summary>
    /// Depth order: cheapest reduced cost against the root LP dual first (the LP optimum's candidates, then the near
    /// misses), larger nodes first on ties, so the first dive is a good layout and the bound prunes early.
    /// </summary>
    private static int[] SortByReducedCost(NodePoolProblem problem, int[] usable)
    {
        var all = DualPolygon.Unbounded;
        var onDemand = DualPolygon.Unbounded;
        foreach (var i in usable)
        {
            var c = problem.Candidates[i];
            all = all.Clip(c.CpuMillis, c.MemoryMiB, c.PriceMicros);
            onDemand = c.IsSpot ? onDemand : onDemand.Clip(c.CpuMillis, c.MemoryMiB, c.PriceMicros);
        }

        var (spotPart, sharePart) = DualPolygon.ArgMaxWithShare(all, onDemand, problem.CpuMillis, problem.MemoryMiB, problem.OnDemandCpuMillis, problem.OnDemandMemoryMiB);
        double ReducedCost(PoolCandidate c)
        {
            var value = (spotPart.A * c.CpuMillis) + (spotPart.B * c.MemoryMiB);
            if (!c.IsSpot)
            {
                value += (sharePart.A * c.CpuMillis) + (sharePart.B * c.MemoryMiB);
            }

            return (c.PriceMicros - value) / Math.Max(1.0, c.PriceMicros);
        }

        return [.. usable.OrderBy(i => ReducedCost(problem.Candidates[i])).ThenByDescending(i => problem.Candidates[i].CpuMillis).ThenBy(i => i)];
    }

    /// <summary>
    /// The per-node prices μ of the Lagrangian maxNodes bound: 0, then doubling from the cheapest node's price to the
    /// dearest's (the right μ is about the price gap between a small node and the larger ones maxNodes forces).
    /// </summary>
    private static double[] NodePricesOf(PoolCandidate[] candidates)
    {
        var prices = new List<double> { 0 };
        if (candidates.Length > 0)
        {
            var cheapest = Math.Max(1, candidates.Min(c => c.PriceMicros));
            var dearest = candidates.Max(c => c.PriceMicros);
            for (double mu = cheapest / 4.0; mu <= dearest; mu *= 2)
            {
                prices.Add(mu);
            }
        }

        return [.. prices];
    }
}
