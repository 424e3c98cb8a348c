using System.Collections.Concurrent;

namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// Client-side ceiling per (region, API), on the injected clock. Callers queue per bucket and each one starts at least
/// <c>1 / callsPerSecond</c> after the previous one actually started, so no one-second window ever holds more than
/// <c>callsPerSecond</c> calls, however late timers fire on a busy machine (a reservation scheme lets late callers bunch).
/// </summary>
public sealed class ApiRateLimiter(TimeProvider time, double callsPerSecond)
{
    private readonly ConcurrentDictionary<(string Region, string Api), Bucket> buckets = new();

    public async Task WaitAsync(string region, string api, CancellationToken ct)
    {
        if (callsPerSecond <= 0)
        {
            return;
        }

        var bucket = buckets.GetOrAdd((region, api), _ => new Bucket());
        await bucket.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (bucket.LastStart is { } last)
            {
                var wait = TimeSpan.FromSeconds(1 / callsPerSecond) - time.GetElapsedTime(last);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct).ConfigureAwait(false);
                }
            }

            bucket.LastStart = time.GetTimestamp();
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long? LastStart { get; set; }
    }
}
