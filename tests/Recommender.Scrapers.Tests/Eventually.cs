namespace Recommender.Scrapers.Tests;

/// <summary>Polls a condition; the cap only bounds a broken test, it is never an assertion about speed.</summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int capSeconds = 30)
    {
        using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(capSeconds));
        while (!condition())
        {
            if (cap.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting for: {what}");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    /// <summary>Awaits <paramref name="task"/>, failing (instead of hanging) when it never completes, e.g. on a fake clock nobody advances.</summary>
    public static async Task<T> CompletesAsync<T>(Task<T> task, string what, int capSeconds = 30)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(capSeconds));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Gave up waiting for: {what}");
            throw;
        }
    }
}
