using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>A store whose every call fails, as a Redis outage would.</summary>
public sealed class FailingRecommendationStore : IRecommendationStore
{
    public Task SaveAsync(StoredRecommendation recommendation, CancellationToken ct) =>
        Task.FromException(new IOException("store is down"));

    public Task<StoredRecommendation?> GetAsync(string id, CancellationToken ct) => Task.FromResult<StoredRecommendation?>(null);
}
