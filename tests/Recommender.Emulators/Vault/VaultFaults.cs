namespace Recommender.Emulators.Vault;

/// <summary>
/// Faults switchable at runtime per test: the next N requests (optionally only those under a path prefix) answer a status
/// or lose their connection, in the order they were queued; a random failure rate; added latency. Thread-safe.
/// </summary>
public sealed class VaultFaults
{
    private readonly Lock gate = new();
    private readonly List<Pending> pending = [];
    private readonly Random random;
    private double failureRate;
    private int failureRateStatus = 500;
    private TimeSpan latency;

    internal VaultFaults(int seed) => random = new Random(seed);

    /// <summary>Share of requests (0..1) that answer <see cref="FailureRateStatus"/> when no queued fault applies.</summary>
    public double FailureRate
    {
        get { lock (gate) { return failureRate; } }
        set { lock (gate) { failureRate = value; } }
    }

    public int FailureRateStatus
    {
        get { lock (gate) { return failureRateStatus; } }
        set { lock (gate) { failureRateStatus = value; } }
    }

    /// <summary>Added to every request before it is handled (real time, not the emulator's clock).</summary>
    public TimeSpan Latency
    {
        get { lock (gate) { return latency; } }
        set { lock (gate) { latency = value; } }
    }

    /// <summary>
    /// The next <paramref name="count"/> requests (under <paramref name="pathPrefix"/>, e.g. <c>secret/data/</c>, when given)
    /// answer <paramref name="status"/> with <c>{"errors":[…]}</c>; 429 always carries <c>Retry-After</c> (default 1 s) and the
    /// <c>X-RateLimit-*</c> headers, other statuses carry <c>Retry-After</c> when <paramref name="retryAfter"/> is given.
    /// </summary>
    public void FailNext(int status, int count = 1, TimeSpan? retryAfter = null, string? pathPrefix = null) =>
        Queue(new Pending(new VaultFault(false, status, retryAfter), count, Prefix(pathPrefix)));

    /// <summary>The next <paramref name="count"/> requests (under <paramref name="pathPrefix"/>) lose their connection mid-answer.</summary>
    public void DropNext(int count = 1, string? pathPrefix = null) =>
        Queue(new Pending(new VaultFault(true, 0, null), count, Prefix(pathPrefix)));

    public void Reset()
    {
        lock (gate)
        {
            pending.Clear();
            failureRate = 0;
            failureRateStatus = 500;
            latency = TimeSpan.Zero;
        }
    }

    /// <summary>The fault for a request with this path (relative to its namespace) and full path (namespace included), if any.</summary>
    internal VaultFault? Take(string path, string fullPath)
    {
        lock (gate)
        {
            var match = pending.FirstOrDefault(p =>
                path.StartsWith(p.Prefix, StringComparison.Ordinal) || fullPath.StartsWith(p.Prefix, StringComparison.Ordinal));
            if (match is not null)
            {
                if (--match.Count <= 0)
                {
                    pending.Remove(match);
                }

                return match.Fault;
            }

            return failureRate > 0 && random.NextDouble() < failureRate ? new VaultFault(false, failureRateStatus, null) : null;
        }
    }

    private void Queue(Pending fault)
    {
        if (fault.Count > 0)
        {
            lock (gate)
            {
                pending.Add(fault);
            }
        }
    }

    /// <summary>Accepts <c>/v1/secret/</c>, <c>/secret/</c> and <c>secret/</c> alike.</summary>
    private static string Prefix(string? pathPrefix)
    {
        var prefix = pathPrefix ?? string.Empty;
        prefix = prefix.StartsWith("/v1/", StringComparison.Ordinal) ? prefix[4..] : prefix;
        return prefix.TrimStart('/');
    }

    private sealed class Pending(VaultFault fault, int count, string prefix)
    {
        public VaultFault Fault { get; } = fault;

        public int Count { get; set; } = count;

        public string Prefix { get; } = prefix;
    }
}
