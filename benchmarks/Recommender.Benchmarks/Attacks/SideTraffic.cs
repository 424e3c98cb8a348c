using System.Diagnostics;
using System.Globalization;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// A second, well-behaved client: sends one small request after another (bounded in count, a pause between) until
/// told to stop sending, lets the request in flight finish (unless cut off), and counts how they were answered.
/// </summary>
internal sealed class SideTraffic(byte[] body, int maxRequests, TimeSpan pause)
{
    private readonly Dictionary<string, int> outcomes = new(StringComparer.Ordinal);
    private int sent;
    private TimeSpan slowest;

    public async Task RunAsync(AttackTarget target, CancellationToken stopSending, CancellationToken stop)
    {
        try
        {
            while (sent < maxRequests && !stopSending.IsCancellationRequested)
            {
                sent++;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var exchange = await target.PostAsync(body, stop);
                    Record(exchange.Errors.FirstCode ?? (exchange.Status == 200 && exchange.Errors.Count == 0 ? "ok" : $"HTTP {exchange.Status}"));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    Record("cut off");
                    return;
                }
                catch (HttpRequestException e)
                {
                    Record($"failed ({e.HttpRequestError})");
                }

                var took = Stopwatch.GetElapsedTime(started);
                slowest = took > slowest ? took : slowest;
                await Task.Delay(pause, stopSending);
            }
        }
        catch (OperationCanceledException) when (stopSending.IsCancellationRequested)
        {
            // Stopped between two requests.
        }
    }

    public int Count(string outcome) => outcomes.GetValueOrDefault(outcome);

    private void Record(string outcome) => outcomes[outcome] = Count(outcome) + 1;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"second client: {sent} small requests, ")
        + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key}×{o.Value}"))
        + string.Create(CultureInfo.InvariantCulture, $", slowest {slowest.TotalSeconds:0.00} s");
}
