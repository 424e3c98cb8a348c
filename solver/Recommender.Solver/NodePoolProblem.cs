namespace Recommender.Solver;

/// <summary>
/// A validated, integer-scaled layout problem: allocatable millicores and MiB, prices in millionths per hour.
/// Built by <see cref="NodePoolProblemBuilder"/>; candidates are already filtered and dominance-pruned.
/// </summary>
/// <param name="UpperBounds">Per candidate, the most nodes an optimal layout can need (see NodePoolProblemBuilder).</param>
/// <param name="OnDemandCpuMillis">Allocatable vCPU the on-demand pools must provide on their own.</param>
/// <param name="MaxPools">Effective pool limit (the request's, or the candidate count).</param>
/// <param name="TypeNames">Distinct instance types, indexed by <see cref="PoolCandidate.TypeIndex"/>.</param>
public sealed record NodePoolProblem(
    IReadOnlyList<PoolCandidate> Candidates,
    IReadOnlyList<int> UpperBounds,
    long CpuMillis,
    long MemoryMiB,
    int Gpus,
    long OnDemandCpuMillis,
    long OnDemandMemoryMiB,
    int MinNodes,
    int MaxNodes,
    int MaxPools,
    int SpotDiversity,
    bool SameSize,
    IReadOnlyList<string> TypeNames,
    int ShapeCount)
{
    /// <summary>
    /// Greatest common divisor of the candidates' prices (catalog prices have 4 decimals, so usually 100 micros).
    /// Every layout's price is a multiple of it, so the objective counts prices in this unit: smaller coefficients
    /// for CP-SAT's LP and cuts, same order of layouts.
    /// </summary>
    public long PriceUnit { get; } = Gcd(Candidates);

    private static long Gcd(IReadOnlyList<PoolCandidate> candidates)
    {
        var gcd = 0L;
        foreach (var c in candidates)
        {
            for (var b = Math.Abs(c.PriceMicros); b != 0;)
            {
                (gcd, b) = (b, gcd % b);
            }
        }

        return gcd <= 0 ? 1 : gcd;
    }
}
