namespace Recommender.Solver;

/// <summary>
/// How a search of ours ended: the branch and bound, the enumerations and CP-SAT all report this, so nothing but
/// <see cref="NodePoolModel"/> speaks OR-Tools' <c>CpSolverStatus</c>.
/// </summary>
internal enum SolveStatus
{
    /// <summary>Stopped (time, states, cancellation) before finding a layout or proving there is none.</summary>
    Unknown,

    /// <summary>A layout was found, but it is not proven the best.</summary>
    Feasible,

    /// <summary>The layout found is proven the best (ties included).</summary>
    Optimal,

    /// <summary>Proven: no layout satisfies every rule.</summary>
    Infeasible,

    /// <summary>CP-SAT rejected the model (a bug of ours).</summary>
    ModelInvalid,
}
