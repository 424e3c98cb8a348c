using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Recommender.Redis.Tests;

/// <summary>
/// A real redis-server on a free loopback port, without persistence, owned by the test that started it: it can be
/// stopped and started again on the same port to simulate an outage, and is killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly string binary;
    private Process? process;

    private RedisServer(string binary, int port)
    {
        this.binary = binary;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Connection string for StackExchange.Redis; short timeouts so an outage is noticed quickly.</summary>
    public string Configuration => $"127.0.0.1:{Port},connectTimeout=1000,asyncTimeout=1000,syncTimeout=1000";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FindBinary(), FreePort());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again, empty) on the same port and waits until it answers PING.</summary>
    public async Task RestartAsync()
    {
        if (process is not null)
        {
            throw new InvalidOperationException("redis-server is already running.");
        }

        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", string.Empty, "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPingAsync();
    }

    /// <summary>Kills the server (an abrupt outage: clients see their connections reset).</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitForPingAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} on port {Port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (IOException)
            {
                // Loading; the connection was closed.
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static string FindBinary()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/sbin").Append("/usr/local/bin"))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "redis-server was not found on PATH. The Redis store tests start a real server; scripts/test.sh installs it " +
            "(apt-get install redis-server).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
