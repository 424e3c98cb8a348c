namespace Recommender.Provisioning.Inputs;

/// <summary>A layout as data: the node pools a cluster should have.</summary>
public sealed record LayoutSpec
{
    public required IReadOnlyList<NodePoolSpec> Pools { get; init; }
}
