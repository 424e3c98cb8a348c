namespace Recommender.Solver;

/// <summary>
/// <paramref name="ReplacingNodes"/> nodes of candidate <paramref name="Replacement"/> replace
/// <paramref name="ReplacedNodes"/> nodes of candidate <paramref name="Candidate"/>, so a best layout holds at most
/// ReplacedNodes − 1 nodes of it (see <see cref="GroupDominance"/> for when).
/// </summary>
internal sealed record GroupCut(int Candidate, int Replacement, int ReplacedNodes, int ReplacingNodes);
