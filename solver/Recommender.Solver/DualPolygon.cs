namespace Recommender.Solver;

/// <summary>
/// The feasible region of the LP dual of "cover vCPU and memory with these candidates": prices (A per millicore,
/// B per MiB) ≥ 0 with A·cpu + B·memory ≤ price for every candidate. Any point of it, times what is left to cover,
/// is a lower bound on the price of covering it (weak duality); the best point is a vertex, so the polygon (a
/// handful of vertices, clipped once per candidate) answers a bound query with a few multiplications.
/// Starts as a huge box (no candidate: nothing can be covered, so every bound is "infinite").
/// </summary>
internal sealed class DualPolygon
{
    private const double Huge = 1e30;

    private readonly Vertex[] vertices;

    private DualPolygon(Vertex[] vertices) => this.vertices = vertices;

    public static DualPolygon Unbounded { get; } = new([new(0, 0), new(Huge, 0), new(Huge, Huge), new(0, Huge)]);

    /// <summary>The part of this region where A·cpu + B·memory ≤ price (Sutherland–Hodgman against one half-plane).</summary>
    public DualPolygon Clip(long cpu, long memory, double price)
    {
        var slack = Math.Abs(price) * 1e-12;
        var result = new List<Vertex>(vertices.Length + 1);
        for (var i = 0; i < vertices.Length; i++)
        {
            var current = vertices[i];
            var next = vertices[(i + 1) % vertices.Length];
            var currentValue = (current.A * cpu) + (current.B * memory);
            var nextValue = (next.A * cpu) + (next.B * memory);
            var currentIn = currentValue <= price + slack;
            if (currentIn)
            {
                Append(result, current);
            }

            if (currentIn != (nextValue <= price + slack))
            {
                // Interpolate from the inside end: the outside one may be a Huge corner, and 1 - tiny rounds to 1.
                var (inside, outside, insideValue, outsideValue) = currentIn ? (current, next, currentValue, nextValue) : (next, current, nextValue, currentValue);
                var t = (price - insideValue) / (outsideValue - insideValue);
                Append(result, new Vertex(inside.A + (t * (outside.A - inside.A)), inside.B + (t * (outside.B - inside.B))));
            }
        }

        return new DualPolygon([.. result]);
    }

    /// <summary>Largest A·cpu + B·memory over the region: the LP bound for covering (cpu, memory).</summary>
    public double Max(long cpu, long memory)
    {
        var best = 0.0;
        foreach (var v in vertices)
        {
            best = Math.Max(best, (v.A * cpu) + (v.B * memory));
        }

        return best;
    }

    /// <summary>
    /// The LP bound with an on-demand share: (cpu, memory) from any candidate and (shareCpu, shareMemory) from
    /// on-demand ones. For v in <paramref name="all"/> and w in <paramref name="onDemand"/>, u = min(v, w) is still
    /// in <paramref name="all"/> (smaller prices stay feasible) and (u, w − u) is feasible for the joint dual
    /// (spot: u·cap ≤ p; on-demand: w·cap ≤ p), worth u·(cpu, memory) + (w − u)·(shareCpu, shareMemory).
    /// </summary>
    public static double MaxWithShare(DualPolygon all, DualPolygon onDemand, long cpu, long memory, long shareCpu, long shareMemory) =>
        Best(all, onDemand, cpu, memory, shareCpu, shareMemory).Value;

    /// <summary>The maximising (u, w − u) of <see cref="MaxWithShare"/>: the dual prices of the whole demand and of the share.</summary>
    public static (Vertex Demand, Vertex Share) ArgMaxWithShare(DualPolygon all, DualPolygon onDemand, long cpu, long memory, long shareCpu, long shareMemory)
    {
        var (_, u, w) = Best(all, onDemand, cpu, memory, shareCpu, shareMemory);
        return (u, new Vertex(w.A - u.A, w.B - u.B));
    }

    private static (double Value, Vertex U, Vertex W) Best(DualPolygon all, DualPolygon onDemand, long cpu, long memory, long shareCpu, long shareMemory)
    {
        var best = (Value: 0.0, U: new Vertex(0, 0), W: new Vertex(0, 0));
        foreach (var v in all.vertices)
        {
            // all ⊆ onDemand (it has more rows), so its vertices are candidates for w too: w = v is the plain bound.
            Consider(v, onDemand.vertices, ref best);
            Consider(v, all.vertices, ref best);
        }

        return best;

        void Consider(Vertex v, Vertex[] ws, ref (double Value, Vertex U, Vertex W) best)
        {
            foreach (var w in ws)
            {
                var u = new Vertex(Math.Min(v.A, w.A), Math.Min(v.B, w.B));
                var value = (u.A * cpu) + (u.B * memory) + ((w.A - u.A) * shareCpu) + ((w.B - u.B) * shareMemory);
                if (value > best.Value)
                {
                    best = (value, u, w);
                }
            }
        }
    }

    private static void Append(List<Vertex> list, Vertex v)
    {
        if (list.Count == 0 || Math.Abs(list[^1].A - v.A) > 1e-15 * Math.Max(1, Math.Abs(v.A)) || Math.Abs(list[^1].B - v.B) > 1e-15 * Math.Max(1, Math.Abs(v.B)))
        {
            list.Add(v);
        }
    }

    /// <summary>Dual prices: A per allocatable millicore, B per allocatable MiB.</summary>
    public readonly record struct Vertex(double A, double B);
}
