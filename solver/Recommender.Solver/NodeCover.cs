namespace Recommender.Solver;

/// <summary>Ceiling division for covers: the one copy the builder, the searches, the cuts and the messages share.</summary>
internal static class NodeCover
{
    /// <summary>"No number of nodes is enough": above any node limit (maxNodes ≤ 5,000), yet safe to add a few of.</summary>
    public const long Never = long.MaxValue / 4;

    /// <summary>
    /// ⌈<paramref name="demand"/> / <paramref name="perNode"/>⌉, the nodes of <paramref name="perNode"/> each needed for
    /// <paramref name="demand"/>. Zero capacity: 0 when nothing is asked (demand ≤ 0), whatever the node holds;
    /// <see cref="Never"/> when something is asked and the node holds none of it (perNode ≤ 0). A caller that means
    /// "only the demands this node contributes to" skips the resources it lacks itself.
    /// </summary>
    public static long Of(long demand, long perNode) =>
        demand <= 0 ? 0 : perNode <= 0 ? Never : (demand + perNode - 1) / perNode;
}
