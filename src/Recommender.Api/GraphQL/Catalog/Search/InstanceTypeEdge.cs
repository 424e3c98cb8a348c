namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>One entry of a page; the cursor string is only built when a client asks for it.</summary>
public sealed record InstanceTypeEdge(RegionOffering Node, int Position, InstanceTypeOrder Order)
{
    public string Cursor => PageCursor.Encode(Order, Position);
}
