namespace Recommender.Solver;

/// <summary>
/// Objective = Price x price + Nodes x node count + Pools x pool count. <see cref="Lexicographic"/> picks weights
/// that make this exactly "cheapest, then fewest nodes, then fewest pools": pool count is below <c>Nodes</c>
/// (= max pools + 1), and node count x Nodes + pools is below <c>Price</c> (= (max nodes + 1) x Nodes), so a
/// cheaper layout (prices are integers) always has the smaller objective, and so on down. Prices enter in units of
/// <see cref="NodePoolProblem.PriceUnit"/>.
/// </summary>
internal sealed record ObjectiveWeights(long Price, long Nodes, long Pools)
{
    /// <summary>Largest objective CP-SAT should see; well inside int64 so its sums and LP cannot overflow.</summary>
    private const long SafeObjective = 1L << 60;

    public static ObjectiveWeights PriceOnly { get; } = new(1, 0, 0);

    /// <summary>Tie-break stage of the two-solve fallback: price is fixed by a constraint.</summary>
    public static ObjectiveWeights NodesThenPools(NodePoolProblem problem) => new(0, MostPools(problem) + 1L, 1);

    /// <summary>The single-solve weights, or null when the scaled objective could overflow (then solve twice).</summary>
    public static ObjectiveWeights? Lexicographic(NodePoolProblem problem)
    {
        var nodes = MostPools(problem) + 1L;
        var price = (MostNodes(problem) + 1L) * nodes;
        var priceBound = (Int128)0;
        for (var i = 0; i < problem.Candidates.Count; i++)
        {
            priceBound += (Int128)(problem.Candidates[i].PriceMicros / problem.PriceUnit) * problem.UpperBounds[i];
        }

        return (priceBound + 1) * price <= SafeObjective ? new ObjectiveWeights(price, nodes, 1) : null;
    }

    /// <summary>The hourly price part of an objective value, in price units (floor, so it stays a valid lower bound).</summary>
    public long PriceOf(double objective) => Price <= 0 ? 0 : (long)Math.Floor((objective + 1e-6) / Price);

    /// <summary>The price part of an objective value in micros; null for the tie-break stage, which has no price term.</summary>
    public long? PriceMicrosOf(double objective, long priceUnit) => Price > 0 ? PriceOf(objective) * priceUnit : null;

    // Every pool has a node, so a layout has at most min(maxPools, maxNodes) pools; the smaller the weights, the
    // smaller CP-SAT's coefficients.
    private static long MostPools(NodePoolProblem problem) => Math.Min(problem.MaxPools, problem.MaxNodes);

    private static long MostNodes(NodePoolProblem problem) => Math.Min(problem.MaxNodes, problem.UpperBounds.Sum(u => (long)u));
}
