using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>
/// Handwritten <see cref="IRecommender"/> for the answer/proof split: a solve asked for exactly
/// <see cref="AnswerWithinMs"/> (the service's answer time in these tests) is the answer-time solve and returns
/// <see cref="Answer"/>; any other is a background (or waited-for) solve: it signals <see cref="BackgroundEntered"/>,
/// waits for <see cref="BackgroundGate"/> when set (observing its token, as the real solver stops on it), and returns
/// <see cref="Proof"/>. Prices are those of one node of the region's first type times the given factor.
/// </summary>
public sealed class ProvingRecommender : IRecommender
{
    public const int AnswerWithinMs = 123;

    private int foregroundCalls;
    private int backgroundCalls;

    /// <summary>The answer-time result: (status, price factor, bound factor).</summary>
    public (RecommendationStatus Status, decimal Price, decimal? Bound) Answer { get; set; } = (RecommendationStatus.Feasible, 2, 1);

    /// <summary>The background result.</summary>
    public (RecommendationStatus Status, decimal Price, decimal? Bound) Proof { get; set; } = (RecommendationStatus.Optimal, 1.5m, 1.5m);

    public TaskCompletionSource? BackgroundGate { get; set; }

    public TaskCompletionSource BackgroundEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ForegroundCalls => Volatile.Read(ref foregroundCalls);

    public int BackgroundCalls => Volatile.Read(ref backgroundCalls);

    /// <summary>The time limits the solves were given, in call order.</summary>
    public List<int?> TimeLimits { get; } = [];

    public async Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        lock (TimeLimits)
        {
            TimeLimits.Add(request.TimeLimitMs);
        }

        if (request.TimeLimitMs == AnswerWithinMs)
        {
            Interlocked.Increment(ref foregroundCalls);
            return Result(catalog, Answer);
        }

        Interlocked.Increment(ref backgroundCalls);
        BackgroundEntered.TrySetResult();
        if (BackgroundGate is { } gate)
        {
            await gate.Task.WaitAsync(ct);
        }

        return Result(catalog, Proof);
    }

    private static Recommendation Result(RegionCatalog catalog, (RecommendationStatus Status, decimal Price, decimal? Bound) result)
    {
        var type = catalog.InstanceTypes[0];
        var unit = type.OnDemandPrice;
        var totals = new ResourceTotals(type.Type.Vcpu, type.Type.MemoryGiB, type.Type.GpuCount, type.Type.SustainedVcpu);
        var price = unit * result.Price;
        var layout = new Layout(
            [new LayoutPool(type.Name, CapacityType.OnDemand, 1, price, price)], price, price * Layout.HoursPerMonth, 1, totals, totals, new ResourceTotals(0, 0, 0, 0));
        var bound = result.Bound * unit;
        double? gap = bound is { } b ? (double)((price - b) / price) : null;
        var explanation = result.Status == RecommendationStatus.Optimal ? null : "The time limit was reached before optimality was proven; see gap.";
        return new Recommendation(result.Status, [layout], bound, gap, 1, explanation, catalog.Version, TimeSpan.Zero, catalog.Currency);
    }
}
