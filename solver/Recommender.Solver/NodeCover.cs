namespace Recommender.Solver;

/// <summary>How many nodes of one size cover a demand: the ceiling shared by the searches and the fallback.</summary>
internal static class NodeCover
{
    /// <summary>
    /// Nodes of <paramref name="perNode"/> each needed for <paramref name="demand"/>: 0 when nothing is asked, and a
    /// count far above any maxNodes (yet safe to add to) when the node provides none of it.
    /// </summary>
    public static long Of(long demand, long perNode) =>
        demand <= 0 ? 0 : perNode <= 0 ? long.MaxValue / 4 : (demand + perNode - 1) / perNode;
}
