namespace Recommender.Provisioning.Plans;

/// <summary>
/// What applying a layout to a cluster would do, pool by pool, and the change of the cluster's hourly price (in
/// <see cref="Currency"/>; pools the catalog cannot price count as zero and are listed in <see cref="Unpriced"/>).
/// </summary>
public sealed record LayoutPlan(
    string ClusterId,
    IReadOnlyList<NodePoolChange> Changes,
    decimal HourlyPriceChange,
    string? Currency,
    IReadOnlyList<string> Unpriced)
{
    /// <summary>True when nothing would change.</summary>
    public bool IsEmpty => Changes.All(c => c.Kind == NodePoolChangeKind.Unchanged);
}
