using System.Globalization;
using System.Runtime.InteropServices;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// What Linux tells about the service process: CPU time from <c>/proc/PID/stat</c> (utime + stime), resident memory and
/// its peak from <c>/proc/PID/status</c> (VmRSS, VmHWM), and a peak reset by writing 5 to <c>/proc/PID/clear_refs</c>
/// (needs the same user or root).
/// </summary>
internal sealed class ServiceProcess(int pid)
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK

    private static readonly double TicksPerSecond = ReadTicksPerSecond();

    private double lastCpuSeconds;

    public int Pid { get; } = pid;

    public bool IsAlive => File.Exists($"/proc/{Pid}/stat");

    /// <summary>User plus system CPU seconds used by every thread of the process so far.</summary>
    /// <remarks>Once the process is gone, the last value read.</remarks>
    public double CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            // Field 2 (comm) may hold spaces; fields after its closing parenthesis start at field 3 (state).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            lastCpuSeconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture))
                / TicksPerSecond;
        }
        catch (IOException)
        {
            // The process is gone.
        }

        return lastCpuSeconds;
    }

    /// <summary>Sets VmHWM back to the current RSS, so the next read is the peak since now.</summary>
    public bool ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public double? PeakRssMiB() => StatusMiB("VmHWM:");

    public double? RssMiB() => StatusMiB("VmRSS:");

    /// <summary>
    /// Waits (at most <paramref name="max"/>) until the process uses under 5 % of a core over a half-second window.
    /// Returns the CPU seconds used meanwhile, the time waited and whether it went idle.
    /// </summary>
    public async Task<(double CpuSeconds, TimeSpan Waited, bool Idle)> WaitIdleAsync(TimeSpan max)
    {
        var window = TimeSpan.FromMilliseconds(500);
        var started = DateTime.UtcNow;
        var first = CpuSeconds();
        var last = first;
        while (IsAlive)
        {
            await Task.Delay(window);
            if (!IsAlive)
            {
                break;
            }

            var now = CpuSeconds();
            var waited = DateTime.UtcNow - started;
            if (now - last < 0.05 * window.TotalSeconds)
            {
                return (now - first, waited, true);
            }

            if (waited >= max)
            {
                return (now - first, waited, false);
            }

            last = now;
        }

        return (last - first, DateTime.UtcNow - started, false);
    }

    private double? StatusMiB(string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var kib = long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kib / 1024.0;
                }
            }
        }
        catch (IOException)
        {
            // The process is gone.
        }

        return null;
    }

    private static double ReadTicksPerSecond()
    {
        var ticks = OperatingSystem.IsLinux() ? SysConf(ClockTicksName) : -1;
        return ticks > 0 ? ticks : 100;
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code enabled for the whole project.
    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
}
