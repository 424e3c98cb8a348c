using Google.OrTools.Sat;

namespace Recommender.Expander.ScaleOut;

/// <summary>What one CP-SAT solve of a <see cref="ScaleOutModel"/> found.</summary>
/// <param name="Nodes">Nodes added per option (problem order); empty unless <paramref name="Status"/> is Optimal or Feasible.</param>
/// <param name="Assigned">Pods of each class (outer) assigned to each option (inner) when pods are packed; else null.</param>
/// <param name="ObjectiveMicros">Added hourly price in millionths.</param>
/// <param name="BoundMicros">Proven lower bound on the added hourly price, in millionths.</param>
internal sealed record ScaleOutSolution(
    CpSolverStatus Status,
    IReadOnlyList<long> Nodes,
    IReadOnlyList<long[]>? Assigned,
    long ObjectiveMicros,
    long BoundMicros)
{
    public bool HasSolution => Status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
}
