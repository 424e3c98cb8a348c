using Recommender.Api.Recommendations;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>
/// Handwritten remote store: behaves like an in-memory store while up; <see cref="Down"/> fails every call at once (a
/// refused connection), <see cref="Hang"/> never answers and ignores its token (a connection that went quiet).
/// </summary>
public sealed class ScriptedRecommendationStore(TimeProvider time, RecommendationQuota quota) : IRecommendationStore
{
    private readonly InMemoryRecommendationStore inner = new(time, quota);
    private int calls;

    public bool Down { get; set; }

    public bool Hang { get; set; }

    /// <summary>Calls that reached this store (answered or not).</summary>
    public int Calls => Volatile.Read(ref calls);

    public InMemoryRecommendationStore Inner => inner;

    public Task<StoreReservation> ReserveAsync(string caller, string id, DateTimeOffset heldUntil, CancellationToken ct) =>
        Call(() => inner.ReserveAsync(caller, id, heldUntil, ct));

    public Task SaveAsync(string caller, StoredRecommendation recommendation, CancellationToken ct) =>
        Call(async () =>
        {
            await inner.SaveAsync(caller, recommendation, ct);
            return true;
        });

    public Task<bool> UpdateAsync(string caller, StoredRecommendation recommendation, CancellationToken ct) =>
        Call(() => inner.UpdateAsync(caller, recommendation, ct));

    public Task ReleaseAsync(string caller, string id, CancellationToken ct) =>
        Call(async () =>
        {
            await inner.ReleaseAsync(caller, id, ct);
            return true;
        });

    public Task<StoredRecommendation?> GetAsync(string id, CancellationToken ct) => Call(() => inner.GetAsync(id, ct));

    private Task<T> Call<T>(Func<Task<T>> answer)
    {
        Interlocked.Increment(ref calls);
        if (Hang)
        {
            return new TaskCompletionSource<T>().Task;
        }

        return Down ? Task.FromException<T>(new IOException("connection refused")) : answer();
    }
}
