using System.Globalization;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// The service process the attacks are measured on: started here from its dll (then its log is counted and it can be
/// restarted when an attack leaves it busy or kills it), or an already running one given by PID or found by its port.
/// </summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    /// <summary>After start-up and one small query, lets late log lines and background JIT finish before an attack is measured.</summary>
    private static readonly TimeSpan StartUpSettle = TimeSpan.FromSeconds(15);

    private readonly AttackOptions options;
    private readonly HttpClient http;
    private readonly Stream? log;
    private ServiceLauncher? launcher;

    private ServiceUnderTest(AttackOptions options, HttpClient http, ServiceProcess process, ServiceLauncher? launcher, Stream? log)
    {
        this.options = options;
        this.http = http;
        this.launcher = launcher;
        this.log = log;
        Process = process;
    }

    public ServiceProcess Process { get; private set; }

    /// <summary>Bytes the service wrote to stdout and stderr; null when it was not started here.</summary>
    public long? LogBytes => launcher?.LogBytes;

    public bool Started => launcher is not null;

    public string Describe() => launcher is null
        ? string.Create(CultureInfo.InvariantCulture, $"PID {Process.Pid} (already running)")
        : string.Create(CultureInfo.InvariantCulture,
            $"PID {Process.Pid}, started here: dotnet {options.StartDll} --urls {options.Url.GetLeftPart(UriPartial.Authority)}, "
            + $"ASPNETCORE_ENVIRONMENT={options.Environment}");

    public static async Task<ServiceUnderTest> AttachAsync(AttackOptions options, HttpClient http)
    {
        if (options.StartDll is { } dll)
        {
            var log = options.ServiceLog is { } path ? File.Create(path) : null;
            var started = await ServiceLauncher.StartAsync(dll, options.Url, options.Environment, log, http);
            var service = new ServiceUnderTest(options, http, new ServiceProcess(started.Pid), started, log);
            await service.WarmUpAsync();
            return service;
        }

        var pid = options.Pid ?? ListeningProcess.Find(options.Url.Port)
            ?? throw new InvalidOperationException(
                $"no process listens on port {options.Url.Port}: start the service, or pass --pid N or --start PATH/Recommender.Api.dll");
        return new ServiceUnderTest(options, http, new ServiceProcess(pid), null, null);
    }

    /// <summary>After an attack left the service dead or busy: restarts it when it was started here; says what happened.</summary>
    public async Task<string?> RecoverAsync(bool settled)
    {
        var dead = !Process.IsAlive || launcher is { HasExited: true };
        if (!dead && settled)
        {
            return null;
        }

        var what = dead
            ? "SERVICE DIED" + (launcher is { HasExited: true } l ? string.Create(CultureInfo.InvariantCulture, $" (exit code {l.ExitCode})") : "")
            : "service still busy after the settle limit";
        if (launcher is null)
        {
            return what + (dead ? "; later attacks cannot run" : "; later rows are disturbed (restart it, or start it with --start)");
        }

        await launcher.DisposeAsync();
        launcher = await ServiceLauncher.StartAsync(options.StartDll!, options.Url, options.Environment, log, http);
        Process = new ServiceProcess(launcher.Pid);
        await WarmUpAsync();
        return what + string.Create(CultureInfo.InvariantCulture, $"; restarted as PID {Process.Pid}");
    }

    /// <summary>
    /// One small query, so the first attack after a (re)start does not pay for compiling the GraphQL path (about 1 CPU
    /// second), then a wait until the service is idle.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = new ByteArrayContent(GraphQLBody.Of("{ providers { id name regions { id } } }")),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await http.SendAsync(request, cts.Token);
        await Process.WaitIdleAsync(StartUpSettle);
    }

    public async ValueTask DisposeAsync()
    {
        if (launcher is not null)
        {
            await launcher.DisposeAsync();
        }

        if (log is not null)
        {
            await log.DisposeAsync();
        }
    }
}
