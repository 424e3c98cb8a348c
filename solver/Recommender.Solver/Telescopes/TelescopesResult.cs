using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver.Telescopes;

/// <summary>Telescopes' answer: pools (on-demand first, then spot in price order, spares included) and its accuracy sums.</summary>
/// <param name="Attribute">"cpu" or "memory": which pass produced the layout.</param>
public sealed record TelescopesResult(string Attribute, IReadOnlyList<TelescopesPool> Pools)
{
    public decimal TotalPrice => Pools.Sum(p => p.Price);

    public double Cpu => Pools.Sum(p => p.Nodes * (double)p.Offering.Type.Vcpu);

    public double Memory => Pools.Sum(p => p.Nodes * p.Offering.Type.MemoryGiB);

    public int Nodes => Pools.Sum(p => p.Nodes);

    public int RegularNodes => Pools.Where(p => !p.IsSpot).Sum(p => p.Nodes);

    public decimal RegularPrice => Pools.Where(p => !p.IsSpot).Sum(p => p.Price);

    public int SpotNodes => Pools.Where(p => p.IsSpot).Sum(p => p.Nodes);

    public decimal SpotPrice => Pools.Where(p => p.IsSpot).Sum(p => p.Price);

    /// <summary>
    /// The non-empty pools priced by our rules (spot at the highest price among the request's zones), so the layout
    /// can be checked and compared with ours. A spot pool without a price in some zone keeps Telescopes' average
    /// price; <see cref="LayoutChecker"/> then reports it.
    /// </summary>
    public IReadOnlyList<PoolChoice> ToPoolChoices(LayoutRequest request, RegionCatalog catalog)
    {
        var filter = new CandidateFilter(request, catalog);
        return [.. Pools.Where(p => p.Nodes > 0).Select(p => new PoolChoice(
            p.Offering,
            p.IsSpot ? CapacityType.Spot : CapacityType.OnDemand,
            p.Nodes,
            p.IsSpot ? filter.SpotPrice(p.Offering) ?? p.UnitPrice : p.Offering.OnDemandPrice))];
    }
}
