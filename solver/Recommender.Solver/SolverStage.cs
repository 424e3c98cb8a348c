namespace Recommender.Solver;

/// <summary>Which part of a solve a <see cref="SolverTraceEvent"/> reports.</summary>
public enum SolverStage
{
    /// <summary>The branch and bound (<see cref="CoverSearch"/>) ended: finished, or out of budget.</summary>
    CoverSearch,

    /// <summary>CP-SAT found a better layout.</summary>
    CpSatSolution,

    /// <summary>A CP-SAT solve ended.</summary>
    CpSat,
}
