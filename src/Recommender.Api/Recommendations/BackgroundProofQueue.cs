using System.Threading.Channels;

namespace Recommender.Api.Recommendations;

/// <summary>
/// The bounded queue between the answers given unproven and the <see cref="BackgroundProofWorker"/>: a full queue
/// refuses (the caller keeps its answer as given) rather than delaying anybody or growing without bound.
/// </summary>
public sealed class BackgroundProofQueue
{
    private readonly Channel<ProofJob> jobs;
    private int depth;

    public BackgroundProofQueue(ProofOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        jobs = Channel.CreateBounded<ProofJob>(new BoundedChannelOptions(options.BackgroundQueueLength)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then answers false instead of dropping anything queued.
            SingleReader = options.BackgroundWorkers <= 1,
        });
        Enabled = options.BackgroundWorkers > 0;
    }

    /// <summary>False when no worker runs (Solver:BackgroundWorkers 0): nothing is queued then.</summary>
    public bool Enabled { get; }

    /// <summary>Jobs waiting for a worker (not counting the ones being proven).</summary>
    public int Depth => Volatile.Read(ref depth);

    /// <summary>Queues <paramref name="job"/>; false when the queue is full or disabled.</summary>
    public bool TryEnqueue(ProofJob job)
    {
        if (!Enabled)
        {
            return false;
        }

        Interlocked.Increment(ref depth);
        if (jobs.Writer.TryWrite(job))
        {
            return true;
        }

        Interlocked.Decrement(ref depth);
        return false;
    }

    /// <summary>The next job, waiting for one; throws <see cref="OperationCanceledException"/> when <paramref name="ct"/> fires.</summary>
    public async Task<ProofJob> DequeueAsync(CancellationToken ct)
    {
        var job = await jobs.Reader.ReadAsync(ct).ConfigureAwait(false);
        Interlocked.Decrement(ref depth);
        return job;
    }
}
