using Recommender.Core.Catalog;

namespace Recommender.Solver.Telescopes;

/// <summary>A Telescopes node pool; spare spot pools have zero nodes.</summary>
/// <param name="UnitPrice">Telescopes' price per node: on-demand price, or the spot price averaged over every zone.</param>
public sealed record TelescopesPool(InstanceOffering Offering, bool IsSpot, int Nodes, decimal UnitPrice)
{
    public decimal Price => Nodes * UnitPrice;
}
