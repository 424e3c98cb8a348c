using System.Diagnostics;

namespace Recommender.Secrets.Tests;

/// <summary>Polls a condition on the real clock (background work runs on real threads even when the test clock is fake).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.ElapsedMilliseconds > timeoutMs)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }
}
