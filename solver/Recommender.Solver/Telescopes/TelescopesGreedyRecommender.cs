using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver.Telescopes;

/// <summary>
/// Faithful port of Telescopes' cluster recommender (contracts/telescopes.md §3): per-VM attribute window, filters,
/// one cheapest-per-unit on-demand pool, N balanced spot pools plus spare zero-node ones, CPU pass then memory pass,
/// cheaper wins. Quirks kept: the window is computed on the unfiltered catalog; minNodes/maxNodes do not bound the
/// result; sameSize, GPUs, architectures, gpuModel and largestPod are ignored; burst and generation filters apply on
/// amazon only; spot prices are averaged over every zone; onDemandPct is forced to 100 without any spot price.
/// Fixed on purpose: ties keep input order (stable sort; Go's was not), the CPU pass is seen first (Go's map order was
/// random), and N = 0 with spot still to place fills one pool instead of panicking (division by zero in Go).
/// Extension: includes/excludes also match family ids; several request zones must all be listed (or the list be empty).
/// </summary>
/// <param name="useAllocatable">
/// Size nodes by what our rules count (<see cref="NodeReservation"/>: allocatable memory, sustained allocatable vCPU,
/// so burstable types at their baseline share) instead of raw capacity. Telescopes used raw capacity (false);
/// benchmarks and the fallback use true so both recommenders are asked for the same usable capacity.
/// </param>
public sealed class TelescopesGreedyRecommender(bool useAllocatable = false)
{
    /// <summary>The recommendation, or null where Telescopes answered 400 "could not recommend cluster".</summary>
    public TelescopesResult? Recommend(LayoutRequest request, RegionCatalog catalog)
    {
        var products = catalog.InstanceTypes.Select(o => new Product(o, Cpu(o), Memory(o), AverageSpot(o))).ToList();
        if (products.Count == 0)
        {
            return null;
        }

        var pct = request.OnDemandPct;
        if (pct != 100 && !products.Exists(p => p.AvgPrice != 0))
        {
            pct = 100;
        }

        var isAmazon = string.Equals(catalog.Provider, "amazon", StringComparison.Ordinal);
        TelescopesResult? best = null;
        foreach (var attribute in new[] { Attribute.Cpu, Attribute.Memory })
        {
            var set = RecommendFor(attribute, request, products, pct, isAmazon);
            if (set is not null && (best is null || set.TotalPrice < best.TotalPrice || best.TotalPrice == 0))
            {
                best = set;
            }
        }

        return best;
    }

    private TelescopesResult? RecommendFor(Attribute attribute, LayoutRequest request, List<Product> products, int pct, bool isAmazon)
    {
        var sum = attribute == Attribute.Cpu ? request.Cpu : request.MemoryGiB;
        var window = Window(products.Select(p => p.Value(attribute)), sum / request.MaxNodes, sum / request.MinNodes);
        var filtered = products.Where(p => window.Contains(p.Value(attribute)) && Passes(p, attribute, request, isAmazon)).ToList();
        var spotCandidates = pct < 100 ? filtered.FindAll(p => p.AvgPrice != 0) : filtered;
        if ((filtered.Count == 0 && pct > 0) || (spotCandidates.Count == 0 && pct < 100))
        {
            return null;
        }

        var pools = new List<TelescopesPool>();
        var odNodes = 0;
        var odActual = 0.0;
        if (pct > 0)
        {
            var cheapest = filtered[0];
            foreach (var p in filtered)
            {
                if (PerUnit(p.Offering.OnDemandPrice, p.Value(attribute)) < PerUnit(cheapest.Offering.OnDemandPrice, cheapest.Value(attribute)))
                {
                    cheapest = p;
                }
            }

            odNodes = (int)Math.Ceiling(sum * pct / 100 / cheapest.Value(attribute));
            odActual = odNodes * cheapest.Value(attribute);
            pools.Add(new TelescopesPool(cheapest.Offering, false, odNodes, cheapest.Offering.OnDemandPrice));
        }

        if (pct < 100)
        {
            pools.AddRange(SpotPools(attribute, request, spotCandidates, odNodes, sum - odActual));
        }

        return new TelescopesResult(attribute == Attribute.Cpu ? "cpu" : "memory", pools);
    }

    private static List<TelescopesPool> SpotPools(Attribute attribute, LayoutRequest request, List<Product> candidates, int odNodes, double target)
    {
        var ordered = candidates.OrderBy(p => PerUnit(p.AvgPrice, p.Value(attribute))).ToList();
        var avgSpot = Math.Max(0, (int)Math.Ceiling(((request.MinNodes - odNodes) + (request.MaxNodes - odNodes)) / 2.0));
        var n = Math.Min(PoolsFor(avgSpot), ordered.Count);
        var m = n > 0 ? Math.Min((int)Math.Ceiling(1.5 * n), ordered.Count) : Math.Min(3, ordered.Count);
        var nodes = new int[m];
        if (n == 0 && target > 0)
        {
            n = 1;
        }

        Fill(nodes, n, ordered.Select(p => p.Value(attribute)).ToArray(), target);
        return [.. ordered.Take(m).Select((p, i) => new TelescopesPool(p.Offering, true, nodes[i], p.AvgPrice))];
    }

    /// <summary>The balancing loop of §3.6 over the first <paramref name="n"/> pools.</summary>
    private static void Fill(int[] nodes, int n, double[] size, double target)
    {
        if (n == 0)
        {
            return;
        }

        double Value(int i) => nodes[i] * size[i];
        var total = Enumerable.Range(0, n).Sum(Value);
        var goal = total + target;
        var min = Enumerable.Range(0, n).MinBy(Value);
        if (size[min] <= 0)
        {
            return; // A zero-sized reference pool would loop forever.
        }

        var idx = min;
        while (total < goal)
        {
            var k = idx % n;
            if (k == min)
            {
                nodes[k]++;
                total += size[k];
                idx++;
            }
            else if (Value(k) + size[k] > Value(min))
            {
                idx++;
            }
            else
            {
                nodes[k]++;
                total += size[k];
            }
        }
    }

    private static int PoolsFor(int avgSpot) => avgSpot switch
    {
        <= 4 => avgSpot,
        <= 8 => 4,
        <= 15 => 5,
        <= 24 => 6,
        <= 35 => 7,
        _ => 8,
    };

    /// <summary>Per-VM values in [lo, hi]; else the smallest value >= hi; else the largest value.</summary>
    private static HashSet<double> Window(IEnumerable<double> values, double lo, double hi)
    {
        var sorted = values.Distinct().Order().ToList();
        var selected = sorted.Where(v => v >= lo && v <= hi).ToHashSet();
        if (selected.Count == 0 && sorted.Count > 0)
        {
            selected.Add(sorted.Exists(v => v >= hi) ? sorted.First(v => v >= hi) : sorted[^1]);
        }

        return selected;
    }

    private static bool Passes(Product p, Attribute attribute, LayoutRequest request, bool isAmazon)
    {
        var type = p.Offering.Type;
        var zones = p.Offering.Availability.Where(a => a.Status == StockStatus.WithStock).Select(a => a.Zone).ToList();
        return (request.Includes is not { Count: > 0 } inc || CandidateFilter.Matches(p.Offering, inc))
            && (request.Excludes is not { Count: > 0 } exc || !CandidateFilter.Matches(p.Offering, exc))
            && (request.Categories is not { Count: > 0 } cat || cat.Contains(type.Category))
            && (request.Zones is not { Count: > 0 } zs || zones.Count == 0 || zs.All(zones.Contains))
            && (request.NetworkPerf is not { Count: > 0 } net || net.Contains(type.NetworkPerformance))
            && (!isAmazon || request.AllowBurst || !type.IsBurstable)
            && (!isAmazon || request.AllowOlderGen || type.IsCurrentGeneration)
            && (attribute == Attribute.Cpu
                ? request.MemoryGiB / request.Cpu <= p.Memory / p.Cpu
                : request.Cpu / request.MemoryGiB <= p.Cpu / p.Memory);
    }

    private static decimal PerUnit(decimal price, double amount) => amount > 0 ? price / (decimal)amount : decimal.MaxValue;

    private double Cpu(InstanceOffering o) => useAllocatable ? NodeReservation.SustainedMillicores(o.Type) / 1000.0 : o.Type.Vcpu;

    private double Memory(InstanceOffering o) => useAllocatable ? NodeReservation.AllocatableMemoryMiB(o.Type) / 1024.0 : o.Type.MemoryGiB;

    private static decimal AverageSpot(InstanceOffering o) => o.SpotPrices.Count == 0 ? 0 : o.SpotPrices.Average(p => p.Price);

    private enum Attribute
    {
        Cpu,
        Memory,
    }

    private sealed record Product(InstanceOffering Offering, double Cpu, double Memory, decimal AvgPrice)
    {
        public double Value(Attribute attribute) => attribute == Attribute.Cpu ? Cpu : Memory;
    }
}
