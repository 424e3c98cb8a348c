using System.Diagnostics;
using System.Net.Sockets;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// Runs one attack under the client timeout and measures the service around it: peak RSS reset before, CPU seconds
/// and peak RSS during, then CPU until it goes idle (bounded by the settle limit) and the RSS left after.
/// </summary>
internal static class AttackRunner
{
    public static async Task<AttackRow> MeasureAsync(Attack attack, AttackTarget target, ServiceUnderTest service, AttackOptions options)
    {
        var process = service.Process;
        process.ResetPeak();
        var logBefore = service.LogBytes;
        var cpuBefore = process.CpuSeconds();
        var started = Stopwatch.GetTimestamp();
        AttackResult result;
        using (var timeout = new CancellationTokenSource(options.Timeout))
        {
            try
            {
                result = await attack.RunAsync(target, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                result = AttackResult.Timeout(attack.RequestBytes);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
            {
                result = new AttackResult(attack.RequestBytes, "failed", "-", null, false, $"{e.GetType().Name}: {e.Message}");
            }
        }

        var wall = Stopwatch.GetElapsedTime(started);
        var cpu = process.CpuSeconds() - cpuBefore;
        var peak = process.PeakRssMiB();
        var (cpuAfter, waited, idle) = await process.WaitIdleAsync(options.Settle);
        var rssAfter = process.RssMiB();
        var log = service.LogBytes - logBefore;
        var serviceNote = await service.RecoverAsync(idle);
        return new AttackRow(attack.Name, result, cpu, cpuAfter, waited, idle, peak, rssAfter, wall, log, serviceNote);
    }
}
