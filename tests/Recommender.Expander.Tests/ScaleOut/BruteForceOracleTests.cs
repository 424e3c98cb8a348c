using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Expander.ScaleOut;
using Recommender.Testing.Builders;
using static Recommender.Testing.Builders.InstanceTypes;

namespace Recommender.Expander.Tests.ScaleOut;

/// <summary>
/// On small random clusters, an OPTIMAL answer costs exactly the brute-force minimum: every combination of grown and new
/// nodes, enumerated apart from the model (its own option list, spare capacity and bounds), under the same rules.
/// </summary>
public sealed class BruteForceOracleTests
{
    private static readonly string[] Zone = ["cn-test-a"];

    [Fact]
    public void Optimal_answers_cost_the_brute_force_minimum()
    {
        var random = new Random(20261203);
        var solver = new ScaleOutSolver(TimeSpan.FromSeconds(10), workers: 1, randomSeed: 3);
        var optimal = 0;
        for (var round = 0; round < 60; round++)
        {
            var catalog = RandomCatalog(random);
            var request = RandomRequest(random, catalog);
            var result = solver.Solve(request, catalog, CancellationToken.None);
            var oracle = Oracle(request, catalog);
            if (oracle is null)
            {
                Assert.Equal(RecommendationStatus.Infeasible, result.Status);
                continue;
            }

            Assert.Equal(RecommendationStatus.Optimal, result.Status);
            Assert.Equal(oracle.Value, result.Plans[0].AddedHourlyPrice);
            AssertRespectsLimits(request, result.Plans[0]);
            optimal++;
        }

        Assert.True(optimal >= 30, $"only {optimal} feasible rounds");
    }

    private static void AssertRespectsLimits(ScaleOutRequest request, ScaleOutPlan plan)
    {
        for (var i = 0; i < request.Pools.Count; i++)
        {
            var pool = request.Pools[i];
            var after = plan.Layout[i];
            Assert.True(after.NodesAfter >= pool.NodeCount, "a pool shrank");
            Assert.True(pool.CanGrow || after.NodesAdded == 0, "a fixed pool grew");
            Assert.True(after.NodesAfter <= (pool.MaxSize ?? int.MaxValue), "a pool passed its max size");
        }

        Assert.True(request.AllowNewPools || plan.Layout.All(p => !p.IsNew));
        Assert.True(plan.Layout.Count(p => p.IsNew) <= (request.MaxNewPools ?? int.MaxValue));
    }

    private static RegionCatalog RandomCatalog(Random random)
    {
        var types = new List<InstanceOffering>();
        for (var t = 0; t < 2; t++)
        {
            var vcpu = new[] { 2, 4, 8 }[random.Next(3)];
            var memory = vcpu * new[] { 2, 4, 8 }[random.Next(3)];
            var price = decimal.Round((decimal)(0.02 + (random.NextDouble() * 0.08)) * vcpu, 3);
            var options = new List<InstanceTypeOption> { WithResources(vcpu, memory), WithPrice(price), InZones(Zone) };
            if (random.Next(2) == 0)
            {
                options.Add(WithSpotPrice(Zone[0], decimal.Round(price * (decimal)(0.2 + (random.NextDouble() * 0.9)), 3)));
            }

            types.Add(New($"ecs.t{t}.x{vcpu}", [.. options]));
        }

        return CatalogBuilder.Region(types, zones: Zone);
    }

    private static ScaleOutRequest RandomRequest(Random random, RegionCatalog catalog)
    {
        var pools = new List<ExistingPool>();
        for (var p = 0; p < 1 + random.Next(2); p++)
        {
            var type = catalog.InstanceTypes[random.Next(catalog.InstanceTypes.Count)];
            var nodes = random.Next(4);
            var usage = random.Next(2) == 0;
            pools.Add(new ExistingPool($"p{p}", type.Name, random.Next(3) == 0 ? CapacityType.Spot : CapacityType.OnDemand, nodes, [],
                random.Next(4) > 0, nodes + random.Next(4), usage ? nodes * type.Type.Vcpu * random.NextDouble() : null,
                usage ? nodes * type.Type.MemoryGiB * random.NextDouble() : null));
        }

        return new ScaleOutRequest
        {
            Region = catalog.Region.Id,
            Pools = pools,
            Cpu = 1 + random.Next(12),
            MemoryGiB = random.Next(30),
            OnDemandPct = new[] { 0, 0, 50, 100 }[random.Next(4)],
            AllowNewPools = random.Next(4) > 0,
            MaxNewPools = new int?[] { null, 0, 1 }[random.Next(3)],
            AllowOlderGen = true,
        };
    }

    /// <summary>The cheapest added price by enumeration; null when no combination meets the request.</summary>
    private static decimal? Oracle(ScaleOutRequest request, RegionCatalog catalog)
    {
        // (capacity type, millicores, MiB, price, most nodes, is new)
        var options = new List<(bool OnDemand, long Cpu, long Memory, decimal Price, int Max, bool New)>();
        long spareCpu = 0, spareMemory = 0;
        foreach (var pool in request.Pools)
        {
            var o = catalog.Find(pool.InstanceType)!;
            var (cpu, memory) = (NodeReservation.AllocatableMillicores(o.Type), NodeReservation.AllocatableMemoryMiB(o.Type));
            spareCpu += pool.UsedCpu is { } c ? Math.Max(0, (pool.NodeCount * cpu) - (long)Math.Ceiling(Math.Round(c * 1000, 6))) : 0;
            spareMemory += pool.UsedMemoryGiB is { } m ? Math.Max(0, (pool.NodeCount * memory) - (long)Math.Ceiling(Math.Round(m * 1024, 6))) : 0;
            var onDemand = pool.CapacityType == CapacityType.OnDemand;
            var price = onDemand ? o.OnDemandPrice : Math.Min(o.SpotPriceIn(Zone[0]) ?? o.OnDemandPrice, o.OnDemandPrice);
            if (pool.CanGrow)
            {
                options.Add((onDemand, cpu, memory, price, pool.MaxSize!.Value - pool.NodeCount, false));
            }
        }

        var needCpu = Math.Max(0, (long)(request.Cpu * 1000) - spareCpu);
        var needMemory = Math.Max(0, (long)(request.MemoryGiB * 1024) - spareMemory);
        if (request.AllowNewPools && request.MaxNewPools != 0)
        {
            foreach (var o in catalog.InstanceTypes)
            {
                var (cpu, memory) = (NodeReservation.AllocatableMillicores(o.Type), NodeReservation.AllocatableMemoryMiB(o.Type));
                var max = (int)Math.Max((needCpu / cpu) + 1, (needMemory / memory) + 1);
                options.Add((true, cpu, memory, o.OnDemandPrice, max, true));
                if (o.SpotPriceIn(Zone[0]) is { } spot)
                {
                    options.Add((false, cpu, memory, Math.Min(spot, o.OnDemandPrice), max, true));
                }
            }
        }

        var odCpu = ((needCpu * request.OnDemandPct) + 99) / 100;
        var odMemory = ((needMemory * request.OnDemandPct) + 99) / 100;
        decimal? best = null;
        var counts = new int[options.Count];
        Enumerate(0);
        return best;

        void Enumerate(int k)
        {
            if (k == options.Count)
            {
                long cpu = 0, memory = 0, oCpu = 0, oMemory = 0;
                var price = 0m;
                var fresh = 0;
                for (var i = 0; i < options.Count; i++)
                {
                    var o = options[i];
                    cpu += counts[i] * o.Cpu;
                    memory += counts[i] * o.Memory;
                    oCpu += o.OnDemand ? counts[i] * o.Cpu : 0;
                    oMemory += o.OnDemand ? counts[i] * o.Memory : 0;
                    price += counts[i] * o.Price;
                    fresh += o.New && counts[i] > 0 ? 1 : 0;
                }

                if (cpu >= needCpu && memory >= needMemory && oCpu >= odCpu && oMemory >= odMemory && fresh <= (request.MaxNewPools ?? int.MaxValue)
                    && (best is null || price < best))
                {
                    best = price;
                }

                return;
            }

            for (var n = 0; n <= options[k].Max; n++)
            {
                counts[k] = n;
                Enumerate(k + 1);
            }

            counts[k] = 0;
        }
    }
}
