using System.Collections.Concurrent;

namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// Client-side token buckets, one per (region, API), on the injected clock. A caller reserves a slot and waits until
/// it comes due, so concurrent callers are spaced out instead of all hitting the server at once.
/// </summary>
public sealed class ApiRateLimiter(TimeProvider time, double callsPerSecond, int burst)
{
    private readonly ConcurrentDictionary<(string Region, string Api), Bucket> buckets = new();

    public async Task WaitAsync(string region, string api, CancellationToken ct)
    {
        if (callsPerSecond <= 0)
        {
            return;
        }

        var bucket = buckets.GetOrAdd((region, api), _ => new Bucket(Math.Max(1, burst), time.GetTimestamp()));
        var wait = bucket.Reserve(time, callsPerSecond);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }

    private sealed class Bucket(int capacity, long lastTimestamp)
    {
        private readonly Lock gate = new();
        private double tokens = capacity;
        private long last = lastTimestamp;

        /// <summary>Takes one token (possibly going negative) and says how long until it is covered.</summary>
        public TimeSpan Reserve(TimeProvider time, double rate)
        {
            lock (gate)
            {
                var now = time.GetTimestamp();
                tokens = Math.Min(capacity, tokens + (time.GetElapsedTime(last, now).TotalSeconds * rate));
                last = now;
                tokens -= 1;
                return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / rate);
            }
        }
    }
}
