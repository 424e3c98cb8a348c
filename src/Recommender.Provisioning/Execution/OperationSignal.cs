namespace Recommender.Provisioning.Execution;

/// <summary>
/// Wakes this replica's runner when an operation becomes runnable here (created, retried, rolled back), so it need not
/// wait for its next poll; operations made by other replicas are found by polling.
/// </summary>
public sealed class OperationSignal
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Notify()
    {
        try
        {
            pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every operation created since.
        }
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/> (on <paramref name="time"/>), whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await pending.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval ran out.
        }
    }
}
