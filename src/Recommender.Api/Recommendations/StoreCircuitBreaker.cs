namespace Recommender.Api.Recommendations;

/// <summary>
/// Stops calling a store that keeps failing, so requests do not each wait for its timeout. Opens after
/// <c>failureThreshold</c> consecutive failures; after <c>openDuration</c> the next call is let through alone as a probe:
/// its success closes the breaker, its failure opens it for another <c>openDuration</c>.
/// </summary>
public sealed class StoreCircuitBreaker
{
    private readonly TimeProvider time;
    private readonly int failureThreshold;
    private readonly TimeSpan openDuration;
    private readonly Lock gate = new();
    private CircuitState state = CircuitState.Closed;
    private int consecutiveFailures;
    private DateTimeOffset openedAt;
    private long shortCircuited;
    private long opened;

    public StoreCircuitBreaker(TimeProvider time, int failureThreshold, TimeSpan openDuration)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(openDuration, TimeSpan.Zero);
        this.time = time;
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
    }

    public CircuitState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    /// <summary>Calls refused because the breaker was open (or a probe was already trying the store).</summary>
    public long ShortCircuited => Interlocked.Read(ref shortCircuited);

    /// <summary>How many times the breaker has opened.</summary>
    public long Opened => Interlocked.Read(ref opened);

    /// <summary>Until the next probe may try the store; zero when closed or when a probe may go now.</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            lock (gate)
            {
                var left = openedAt + openDuration - time.GetUtcNow();
                return state == CircuitState.Closed || left < TimeSpan.Zero ? TimeSpan.Zero : left;
            }
        }
    }

    /// <summary>
    /// Whether a call may go to the store now. True when closed, and for the one probe once the open delay has passed;
    /// every true must be followed by <see cref="RecordSuccess"/>, <see cref="RecordFailure"/> or <see cref="RecordAbandoned"/>.
    /// </summary>
    public bool TryEnter()
    {
        lock (gate)
        {
            if (state == CircuitState.Closed)
            {
                return true;
            }

            if (state == CircuitState.Open && time.GetUtcNow() >= openedAt + openDuration)
            {
                state = CircuitState.HalfOpen;
                return true;
            }

            Interlocked.Increment(ref shortCircuited);
            return false;
        }
    }

    /// <summary>The store answered. Returns true when this closed the breaker.</summary>
    public bool RecordSuccess()
    {
        lock (gate)
        {
            // A call that started before the breaker opened and answered late proves little; only the probe closes it.
            if (state == CircuitState.Open)
            {
                return false;
            }

            var closing = state == CircuitState.HalfOpen;
            state = CircuitState.Closed;
            consecutiveFailures = 0;
            return closing;
        }
    }

    /// <summary>The store failed or timed out. Returns true when this opened the breaker.</summary>
    public bool RecordFailure()
    {
        lock (gate)
        {
            switch (state)
            {
                case CircuitState.HalfOpen:
                    Open();
                    return false; // Opened again, not newly: the outage goes on.
                case CircuitState.Closed when ++consecutiveFailures >= failureThreshold:
                    Open();
                    Interlocked.Increment(ref opened);
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The caller gave up before the store answered: says nothing about the store, but frees the probe.</summary>
    public void RecordAbandoned()
    {
        lock (gate)
        {
            if (state == CircuitState.HalfOpen)
            {
                state = CircuitState.Open; // openedAt unchanged: the delay has passed, the next call probes at once.
            }
        }
    }

    private void Open()
    {
        state = CircuitState.Open;
        openedAt = time.GetUtcNow();
        consecutiveFailures = 0;
    }
}
