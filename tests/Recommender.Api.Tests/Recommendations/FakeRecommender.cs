using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>
/// Handwritten <see cref="IRecommender"/>: answers one on-demand node of the region's first type, or throws
/// <see cref="Failure"/>, or waits for <see cref="Hold"/> (observing cancellation) after signalling <see cref="Entered"/>.
/// </summary>
public sealed class FakeRecommender : IRecommender
{
    private int calls;

    public Exception? Failure { get; set; }

    public TaskCompletionSource? Hold { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls => Volatile.Read(ref calls);

    public CancellationToken LastToken { get; private set; }

    public async Task<Recommendation> RecommendAsync(LayoutRequest request, RegionCatalog catalog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Interlocked.Increment(ref calls);
        LastToken = ct;
        Entered.TrySetResult();
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(ct);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        var type = catalog.InstanceTypes[0];
        var totals = new ResourceTotals(type.Type.Vcpu, type.Type.MemoryGiB, type.Type.GpuCount, type.Type.SustainedVcpu);
        var layout = new Layout(
            [new LayoutPool(type.Name, CapacityType.OnDemand, 1, type.OnDemandPrice, type.OnDemandPrice)],
            type.OnDemandPrice,
            type.OnDemandPrice * Layout.HoursPerMonth,
            1,
            totals,
            totals,
            new ResourceTotals(0, 0, 0, 0));
        return new Recommendation(RecommendationStatus.Optimal, [layout], type.OnDemandPrice, 0, 1, null, catalog.Version, TimeSpan.Zero, catalog.Currency);
    }
}
