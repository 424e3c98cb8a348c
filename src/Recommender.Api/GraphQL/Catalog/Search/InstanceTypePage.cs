namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>One page of an <c>instanceTypes</c> query.</summary>
/// <param name="Nodes">The page's items in order.</param>
/// <param name="Positions">Position of each node in the unfiltered ordering (for cursors).</param>
/// <param name="TotalCount">Items matching the filter across all pages.</param>
public sealed record InstanceTypePage(
    IReadOnlyList<RegionOffering> Nodes,
    IReadOnlyList<int> Positions,
    int TotalCount,
    bool HasNextPage,
    InstanceTypeOrder Order)
{
    public string? EndCursor => Positions.Count == 0 ? null : PageCursor.Encode(Order, Positions[^1]);

    public IEnumerable<InstanceTypeEdge> Edges => Nodes.Select((n, i) => new InstanceTypeEdge(n, Positions[i], Order));
}
