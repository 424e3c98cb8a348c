namespace Recommender.Scrapers.Refresh;

/// <summary>
/// Region discovery asked for by <c>refreshCatalog</c> naming a region we do not know. Callers can invent names, and
/// each would cost a DescribeRegions call: concurrent requests share one discovery, and a provider is discovered on
/// demand at most once per interval. A name still unknown after that is simply not found.
/// </summary>
internal sealed class OnDemandDiscovery(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (long StartedAt, Task Done)> last = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="discover"/> unless a discovery of the provider is running (joined) or started within the interval (skipped).</summary>
    /// <param name="ct">Stops the wait of a caller that joined; the discovery itself runs on its starter's token.</param>
    public async Task RunAsync(string provider, TimeSpan interval, Func<Task> discover, CancellationToken ct)
    {
        TaskCompletionSource? mine = null;
        Task done;
        lock (gate)
        {
            if (last.TryGetValue(provider, out var previous) && (!previous.Done.IsCompleted || time.GetElapsedTime(previous.StartedAt) < interval))
            {
                done = previous.Done;
            }
            else
            {
                mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                done = mine.Task;
                last[provider] = (time.GetTimestamp(), done);
            }
        }

        if (mine is null)
        {
            await done.WaitAsync(ct).ConfigureAwait(false);
            return;
        }

        try
        {
            await discover().ConfigureAwait(false);
        }
        finally
        {
            // The outcome is in the status registry; joiners only wait for it to be there.
            mine.SetResult();
        }
    }
}
