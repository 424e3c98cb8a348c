using System.Collections.Concurrent;
using System.Globalization;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// The server-side per-API, per-region ceiling: fixed one-second windows on the emulator's clock. Over the limit the
/// answer is what ECS sends: HTTP 400 <c>Throttling.Api</c> with <c>x-ratelimit-user-api</c> saying when the window ends,
/// and the same wait in milliseconds in <c>x-acs-retry-after</c> (contract §6).
/// </summary>
internal sealed class ServerRateLimit(TimeProvider time, Func<int> limit)
{
    private readonly ConcurrentDictionary<(string Region, string Action), Window> windows = new();

    public void Check(string region, string action)
    {
        var max = limit();
        if (max <= 0)
        {
            return;
        }

        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var second = nowMs / 1000;
        var window = windows.GetOrAdd((region, action), _ => new Window());
        int count;
        lock (window)
        {
            if (window.Second != second)
            {
                (window.Second, window.Count) = (second, 0);
            }

            count = ++window.Count;
        }

        if (count > max)
        {
            var left = ((second + 1) * 1000) - nowMs;
            var header = string.Create(CultureInfo.InvariantCulture, $"Limit:{max},Remain:0,TimeLeft:{left},Reset:{second + 1}");
            throw new AcsError(
                400,
                "Throttling.Api",
                "Request was denied due to api flow control.",
                new Dictionary<string, string> { ["x-ratelimit-user-api"] = header, ["x-acs-retry-after"] = left.ToString(CultureInfo.InvariantCulture) });
        }
    }

    private sealed class Window
    {
        public long Second { get; set; } = -1;

        public int Count { get; set; }
    }
}
