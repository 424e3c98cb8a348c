using System.Collections.Concurrent;

namespace Recommender.Emulators.Alibaba;

/// <summary>What the emulator has seen, for assertions and measurements. Thread-safe; <see cref="Reset"/> clears it.</summary>
public sealed class EmulatorCounters
{
    private readonly ConcurrentQueue<EmulatorRequest> log = new();
    private readonly ConcurrentDictionary<string, int> nonceUses = new(StringComparer.Ordinal);

    /// <summary>Every request that reached an action (signature checks passed or not), in arrival order.</summary>
    public IReadOnlyList<EmulatorRequest> Requests => [.. log];

    /// <summary>Requests for <paramref name="action"/>, answered successfully or not.</summary>
    public int Calls(string action) => log.Count(r => string.Equals(r.Action, action, StringComparison.Ordinal));

    /// <summary>Requests for <paramref name="action"/> answered with HTTP 2xx.</summary>
    public int Successes(string action) => log.Count(r => string.Equals(r.Action, action, StringComparison.Ordinal) && r.ErrorCode is null);

    /// <summary>Requests answered with <paramref name="errorCode"/>.</summary>
    public int Errors(string errorCode) => log.Count(r => string.Equals(r.ErrorCode, errorCode, StringComparison.Ordinal));

    public int Total => log.Count;

    /// <summary>Nonces that arrived more than once on correctly signed requests.</summary>
    public IReadOnlyList<string> ReusedNonces => [.. nonceUses.Where(n => n.Value > 1).Select(n => n.Key)];

    /// <summary>Distinct nonces seen on correctly signed requests.</summary>
    public int DistinctNonces => nonceUses.Count;

    /// <summary>The most requests for one (region, action) that arrived within any one-second window.</summary>
    public int PeakCallsPerSecond(string? action = null)
    {
        var peak = 0;
        foreach (var group in log.Where(r => action is null || string.Equals(r.Action, action, StringComparison.Ordinal)).GroupBy(r => (r.Region, r.Action)))
        {
            var times = group.Select(r => r.At).Order().ToArray();
            var start = 0;
            for (var end = 0; end < times.Length; end++)
            {
                while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
                {
                    start++;
                }

                peak = Math.Max(peak, end - start + 1);
            }
        }

        return peak;
    }

    public void Reset()
    {
        log.Clear();
        nonceUses.Clear();
    }

    internal void Record(EmulatorRequest request) => log.Enqueue(request);

    internal void SawNonce(string nonce) => nonceUses.AddOrUpdate(nonce, 1, (_, n) => n + 1);
}
