using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>A store that grants places but fails every write, as a Redis refusing writes (out of memory) would.</summary>
public sealed class FailingRecommendationStore : IRecommendationStore
{
    public Task<StoreReservation> ReserveAsync(string caller, string id, DateTimeOffset heldUntil, CancellationToken ct) =>
        Task.FromResult(StoreReservation.Granted);

    public Task SaveAsync(string caller, StoredRecommendation recommendation, CancellationToken ct) =>
        Task.FromException(new IOException("store is down"));

    public Task<bool> UpdateAsync(string caller, StoredRecommendation recommendation, CancellationToken ct) =>
        Task.FromException<bool>(new IOException("store is down"));

    public Task ReleaseAsync(string caller, string id, CancellationToken ct) => Task.CompletedTask;

    public Task<StoredRecommendation?> GetAsync(string id, CancellationToken ct) => Task.FromResult<StoredRecommendation?>(null);
}
