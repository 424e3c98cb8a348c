using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Recommender.Emulators.Vault;

/// <summary>
/// A wire-level HashiCorp Vault emulator on Kestrel (loopback) following <c>contracts/vault.md</c> §11: KV v2, tokens, AppRole,
/// namespaces, sys/health and the sealed state, faults, and a request log. Start it in-process with <see cref="StartAsync"/>;
/// the clock is <see cref="VaultEmulatorOptions.Time"/>.
/// </summary>
public sealed class VaultEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly VaultEmulatorOptions options;
    private readonly TimeProvider time;
    private readonly VaultNamespaces namespaces = new();
    private readonly VaultServerState state = new();
    private readonly TokenStore tokens;
    private readonly VaultRouter router;
    private readonly Lock logGate = new();
    private readonly List<VaultRequestRecord> requests = [];
    private readonly ConcurrentDictionary<string, AppRoleBackend> rolesByName = new(StringComparer.Ordinal);

    private VaultEmulator(WebApplication app, VaultEmulatorOptions options)
    {
        this.app = app;
        this.options = options;
        time = options.Time;
        tokens = new TokenStore(time);
        router = new VaultRouter(namespaces, tokens, state);
        Faults = new VaultFaults(options.RandomSeed);
        RootToken = tokens.IssueRoot(options.RootToken).Id;
        MountKv("secret");
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:40123/</c> (routes are under <c>v1/</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Non-expiring, every capability everywhere, in the root namespace.</summary>
    public string RootToken { get; }

    public VaultFaults Faults { get; }

    /// <summary>A snapshot of every request answered so far, oldest first.</summary>
    public IReadOnlyList<VaultRequestRecord> Requests
    {
        get
        {
            lock (logGate)
            {
                return [.. requests];
            }
        }
    }

    public bool IsSealed => state.IsSealed;

    /// <summary>
    /// An unsealed standby: <c>sys/health</c> answers 429 (or 200 with <c>standbyok</c>); other routes are served as if
    /// forwarded to the active node.
    /// </summary>
    public bool IsStandby
    {
        get => state.IsStandby;
        set => state.IsStandby = value;
    }

    public static async Task<VaultEmulator> StartAsync(VaultEmulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new VaultEmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url ?? "http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var emulator = new VaultEmulator(app, options);
        app.Run(emulator.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return emulator;
    }

    public void ClearRequests()
    {
        lock (logGate)
        {
            requests.Clear();
        }
    }

    /// <summary>Every route but <c>sys/health</c> and <c>sys/seal-status</c> answers <c>503 {"errors":["Vault is sealed"]}</c>.</summary>
    public void Seal() => state.IsSealed = true;

    public void Unseal() => state.IsSealed = false;

    public string CreateToken(VaultTokenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var ns = namespaces.Get(spec.Namespace);
        return tokens.Issue(spec, ns.Path, "auth/token/create", "token").Id;
    }

    public void RevokeToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        tokens.Revoke(token);
    }

    /// <summary>Adds a role to the AppRole mount <paramref name="mount"/> (created on first use) of the spec's namespace.</summary>
    public VaultAppRoleCredentials AddAppRole(string roleName, VaultAppRoleSpec spec, string mount = "approle")
    {
        ArgumentNullException.ThrowIfNull(roleName);
        ArgumentNullException.ThrowIfNull(spec);
        var ns = namespaces.Get(spec.Namespace);
        var backend = ns.AppRoles.GetOrAdd(mount.Trim('/'), m => new AppRoleBackend(m, tokens, time));
        rolesByName[roleName] = backend;
        return backend.AddRole(roleName, spec);
    }

    /// <summary>Another secret_id for a role added with <see cref="AddAppRole"/>; 0 uses = unlimited, null TTL = never expires.</summary>
    public string AddSecretId(string roleName, int numUses = 0, TimeSpan? ttl = null)
    {
        ArgumentNullException.ThrowIfNull(roleName);
        return rolesByName.GetValueOrDefault(roleName) is not { } backend
            ? throw new ArgumentException($"No AppRole role '{roleName}'.", nameof(roleName))
            : backend.AddSecretId(roleName, numUses, ttl);
    }

    /// <summary>Adds a namespace (and its parents): <c>"team1/"</c> or <c>"a/b"</c>. It starts without mounts.</summary>
    public void AddNamespace(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        namespaces.Add(path);
    }

    /// <summary>Mounts an empty KV v2 engine (no-op when already there); <c>secret</c> is mounted in the root namespace at start.</summary>
    public void MountKv(string mount, string? ns = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mount);
        namespaces.Get(ns).Kv.GetOrAdd(mount.Trim('/'), _ => new KvEngine());
    }

    /// <summary>Sets the engine config, as <c>POST {mount}/config</c> would; 0 max versions means the default of 10.</summary>
    public void ConfigureKv(
        string mount, int maxVersions = 0, bool casRequired = false, TimeSpan? deleteVersionAfter = null, string? ns = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mount);
        var engine = namespaces.Get(ns).Kv.GetValueOrDefault(mount.Trim('/'))
            ?? throw new ArgumentException($"No KV mount '{mount}'.", nameof(mount));
        engine.Configure(maxVersions, casRequired, deleteVersionAfter);
    }

    /// <summary>Blocks until the host stops (standalone use).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var at = time.GetUtcNow();
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var fullPath = Uri.UnescapeDataString(query < 0 ? rawTarget : rawTarget[..query]);
        var token = VaultHttp.Token(request);
        var header = request.Headers["X-Vault-Namespace"].FirstOrDefault();
        var relative = fullPath.StartsWith("/v1/", StringComparison.Ordinal) ? fullPath[4..] : null;
        var (ns, logPath) = relative is null ? (null, fullPath) : namespaces.TryResolve(header, relative);
        var logNamespace = ns is null ? header : ns.Path.Length == 0 ? null : ns.Path;
        var bodyText = string.Empty;
        var status = 0;
        try
        {
            var body = await VaultHttp.ReadBodyAsync(request, options.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
            bodyText = Encoding.UTF8.GetString(body);
            var fault = Faults.Take(logPath, relative ?? fullPath);
            var latency = Faults.Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            if (fault is { Drop: true })
            {
                await VaultHttp.DropAsync(context).ConfigureAwait(false);
                return;
            }

            if (fault is not null)
            {
                throw fault.ToError(logPath, at);
            }

            if (relative is null)
            {
                throw VaultError.NotFound();
            }

            var http = new VaultHttpRequest(request.Method, relative, request.Query, request.ContentType, body, token, header, at);
            var answer = router.Route(http);
            status = answer.Status;
            await VaultHttp.WriteAsync(context, answer.Status, answer.Body, null).ConfigureAwait(false);
        }
        catch (VaultError error)
        {
            status = error.Status;
            var errorBody = error.Body ?? VaultJson.Errors(error.Errors);
            await VaultHttp.WriteAsync(context, error.Status, errorBody, error.Headers).ConfigureAwait(false);
        }
        finally
        {
            lock (logGate)
            {
                requests.Add(new VaultRequestRecord(request.Method, logPath, logNamespace, token, bodyText, status, at));
            }
        }
    }
}
