using System.Diagnostics;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// Starts the service from its dll (<c>dotnet PATH --urls URL</c>, ASPNETCORE_ENVIRONMENT as given), counts the bytes it
/// writes to stdout and stderr (its console log), optionally copies them to a file, and stops it.
/// </summary>
internal sealed class ServiceLauncher : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly Stream? copy;
    private readonly Task[] pumps;
    private long logBytes;

    private ServiceLauncher(Process process, Stream? copy)
    {
        this.process = process;
        this.copy = copy;
        pumps = [Pump(process.StandardOutput.BaseStream), Pump(process.StandardError.BaseStream)];
    }

    public int Pid => process.Id;

    /// <summary>Bytes the service has written to stdout and stderr so far.</summary>
    public long LogBytes => Interlocked.Read(ref logBytes);

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static async Task<ServiceLauncher> StartAsync(string dll, Uri url, string environment, Stream? copy, HttpClient http)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url.GetLeftPart(UriPartial.Authority));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start dotnet {dll}");
        var launcher = new ServiceLauncher(process, copy);
        await launcher.WaitReadyAsync(new Uri(url, "/healthz"), http);
        return launcher;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        await Task.WhenAll(pumps);
        process.Dispose();
    }

    private async Task WaitReadyAsync(Uri health, HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the service exited during start-up with code {process.ExitCode}");
            }

            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await http.GetAsync(health, cts.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the service did not answer {health} within {ReadyTimeout.TotalSeconds} s");
    }

    private async Task Pump(Stream source)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            Interlocked.Add(ref logBytes, read);
            if (copy is not null)
            {
                // Both pumps share the file; keep their chunks whole.
                lock (copy)
                {
                    copy.Write(buffer, 0, read);
                }
            }
        }
    }
}
