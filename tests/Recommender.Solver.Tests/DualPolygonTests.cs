namespace Recommender.Solver.Tests;

/// <summary>The vCPU/memory LP dual polygon: its bound is the LP optimum, computed here by trying every basis.</summary>
public sealed class DualPolygonTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Bound_equals_the_lp_optimum_of_covering(int seed)
    {
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, 3 + random.Next(30))
            .Select(_ => (Cpu: (long)random.Next(500, 128_000), Memory: (long)random.Next(300, 1_000_000), Price: (long)random.Next(1_000, 6_000_000)))
            .ToList();
        var polygon = candidates.Aggregate(DualPolygon.Unbounded, (p, c) => p.Clip(c.Cpu, c.Memory, c.Price));
        for (var query = 0; query < 20; query++)
        {
            var cpu = (long)random.Next(0, 3_000_000);
            var memory = (long)random.Next(0, 30_000_000);
            var bound = polygon.Max(cpu, memory);
            var lp = LpOptimum(candidates, cpu, memory);
            Assert.True(Math.Abs(bound - lp) <= 1e-7 * Math.Max(1, lp), $"bound {bound} but LP optimum {lp}");
        }
    }

    [Fact]
    public void No_candidate_leaves_an_unbounded_region()
    {
        Assert.True(DualPolygon.Unbounded.Max(1, 0) >= 1e20);
        Assert.Equal(0, DualPolygon.Unbounded.Max(0, 0));
    }

    [Fact]
    public void The_share_bound_prices_on_demand_capacity_at_least_as_high()
    {
        // Spot covers vCPU at 1 per millicore, on-demand at 4: a share of 100 on-demand millicores costs 400.
        var all = DualPolygon.Unbounded.Clip(1, 0, 1).Clip(1, 0, 4);
        var onDemand = DualPolygon.Unbounded.Clip(1, 0, 4);
        Assert.Equal(1_000 + 300, DualPolygon.MaxWithShare(all, onDemand, 1_000, 0, 100, 0), 6);
    }

    /// <summary>min p·x s.t. cpu·x ≥ C, mem·x ≥ M, x ≥ 0: an optimal basis has one or two candidates.</summary>
    private static double LpOptimum(List<(long Cpu, long Memory, long Price)> c, long cpu, long memory)
    {
        var best = c.Min(x => x.Price * Math.Max(cpu / (double)x.Cpu, memory / (double)x.Memory));
        for (var i = 0; i < c.Count; i++)
        {
            for (var j = i + 1; j < c.Count; j++)
            {
                var det = ((double)c[i].Cpu * c[j].Memory) - ((double)c[j].Cpu * c[i].Memory);
                if (det == 0)
                {
                    continue;
                }

                var xi = ((cpu * (double)c[j].Memory) - (c[j].Cpu * (double)memory)) / det;
                var xj = ((c[i].Cpu * (double)memory) - (cpu * (double)c[i].Memory)) / det;
                if (xi >= 0 && xj >= 0)
                {
                    best = Math.Min(best, (xi * c[i].Price) + (xj * c[j].Price));
                }
            }
        }

        return best;
    }
}
