using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// A wire-level Alibaba ECS and CS (ACK) emulator on Kestrel (loopback). Start it in-process with
/// <see cref="StartAsync"/> and point <c>Alibaba:Endpoints:Ecs</c> and <c>Alibaba:Endpoints:Cs</c> at
/// <see cref="BaseAddress"/>; inject faults through <see cref="Faults"/>, read <see cref="Counters"/>. Path <c>/</c> is
/// RPC (ECS, <see cref="EcsActions"/>); any other path is ROA (CS, <see cref="CsActions"/>), routed by method and path.
/// Both go through the same gateway: signature checks, latency, rate limit, injected faults, request log.
/// </summary>
public sealed class EcsEmulator : IAsyncDisposable
{
    /// <summary>Like the real gateway, no HTML-safe escaping (<c>&amp;</c> stays <c>&amp;</c> in Recommend URLs).</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication app;
    private readonly EcsEmulatorOptions options;
    private readonly SignatureVerifier verifier;
    private readonly EcsActions actions;
    private readonly CsActions cs;
    private readonly ServerRateLimit rateLimit;
    private readonly EmulatorCatalog catalog;
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly ConcurrentQueue<string> echoes = new();

    private EcsEmulator(WebApplication app, EmulatorCatalog catalog, EcsEmulatorOptions options, TimeProvider time)
    {
        this.app = app;
        this.catalog = catalog;
        this.options = options;
        this.time = time;
        random = new Random(options.RandomSeed);
        verifier = new SignatureVerifier(options, time, Counters);
        actions = new EcsActions(catalog, Faults, time);
        cs = new CsActions(new CsCloud(time, options.Cs, catalog), Faults);
        rateLimit = new ServerRateLimit(time, () => options.MaxCallsPerSecondPerApi);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public EmulatorFaults Faults { get; } = new();

    public EmulatorCounters Counters { get; } = new();

    public EcsEmulatorOptions Options => options;

    /// <summary>Every request dump sent back by <see cref="ActionFaults.EchoRequestNext"/>, so tests know what leaked toward the client.</summary>
    public IReadOnlyCollection<string> Echoes => echoes;

    public EmulatorCatalog Catalog => catalog;

    public static async Task<EcsEmulator> StartAsync(EmulatorCatalog catalog, EcsEmulatorOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new EcsEmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        var app = builder.Build();
        var emulator = new EcsEmulator(app, catalog, options, time ?? TimeProvider.System);
        app.Run(emulator.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return emulator;
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
        var request = context.Request;
        var arrivedAt = DateTimeOffset.UtcNow;
        if (HttpMethods.IsGet(request.Method) && request.Path == PublicPriceJson.Path)
        {
            await WriteAsync(context, 200, PublicPriceJson.Build(catalog, time.GetUtcNow()).ToJsonString(Json), null).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var isRoa = request.Path.Value is not (null or "" or "/");
        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        var action = request.Headers["x-acs-action"].FirstOrDefault() ?? request.Query["Action"].FirstOrDefault() ?? string.Empty;
        var region = request.Query["RegionId"].FirstOrDefault() ?? string.Empty;
        var (scheme, nonce) = ("none", (string?)null);
        try
        {
            var verified = verifier.Verify(request, body);
            (scheme, nonce, action) = (verified.Scheme, verified.Nonce, verified.Action ?? string.Empty);
            region = verified.Parameters.GetValueOrDefault("RegionId", string.Empty);
            CsRoute? route = null;
            if (isRoa)
            {
                route = CsRoute.Match(request.Method, request.Path.Value!) ?? throw AcsError.ApiNotFound();
                if (action.Length > 0 && !string.Equals(action, route.Action, StringComparison.OrdinalIgnoreCase))
                {
                    throw AcsError.ApiNotFound();
                }

                (action, region) = (route.Action, verified.Parameters.GetValueOrDefault("region_id", string.Empty));
            }

            var faults = Faults.Find(action);
            var latency = options.Latency + (faults?.Latency ?? TimeSpan.Zero);
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            rateLimit.Check(region, action);
            EchoIfAsked(faults, request);
            Inject(faults);
            var (status, answer) = route is null ? (200, actions.Handle(action, verified.Parameters)) : cs.Handle(route, verified.Parameters, body, requestId);
            if (route is null)
            {
                answer["RequestId"] = requestId;
            }

            var text = answer.ToJsonString(Json);
            if (faults?.TakeMalformed() == true)
            {
                text = Break(text, faults.Malformed);
            }

            Counters.Record(new EmulatorRequest(arrivedAt, action, region, scheme, nonce, status, null));
            await WriteAsync(context, status, text, faults?.Malformed == MalformedBody.Html && text.StartsWith('<') ? "text/html" : null).ConfigureAwait(false);
        }
        catch (AcsError error)
        {
            Counters.Record(new EmulatorRequest(arrivedAt, action, region, scheme, nonce, error.Status, error.ErrorCode));
            foreach (var (name, value) in error.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var host = request.Headers.Host.ToString();
            // On CS paths only the API's own errors have the CS shape; the gateway's keep theirs (contract §6).
            JsonObject shape = isRoa && error.Business
                ? new() { ["code"] = error.ErrorCode, ["message"] = error.Message, ["requestId"] = requestId, ["status"] = error.Status }
                : new()
                {
                    ["RequestId"] = error.RequestId ?? requestId,
                    ["HostId"] = host,
                    ["Code"] = error.ErrorCode,
                    ["Message"] = error.Message,
                    ["Recommend"] = $"https://api.aliyun.com/troubleshoot?q={error.ErrorCode}&product={(isRoa ? "CS" : "Ecs")}&requestId={requestId}",
                };
            await WriteAsync(context, error.Status, shape.ToJsonString(Json), null).ConfigureAwait(false);
        }
    }

    /// <summary>A proxy that reflects the request into its error answer, headers and query as received.</summary>
    private void EchoIfAsked(ActionFaults? faults, HttpRequest request)
    {
        if (faults?.TakeEchoRequest(random) != true)
        {
            return;
        }

        var dump = new StringBuilder($"{request.Method} {request.Path}{request.QueryString} {request.Protocol}\n");
        foreach (var (name, values) in request.Headers)
        {
            dump.Append(CultureInfo.InvariantCulture, $"{name}: {values}\n");
        }

        dump.Append("query parameters: ").AppendJoin(", ", request.Query.Select(q => $"{q.Key}={q.Value}"));
        var echo = dump.ToString();
        echoes.Enqueue(echo);
        throw new AcsError(400, "InvalidParameter", $"The upstream rejected the request:\n{echo}") { RequestId = echo };
    }

    private void Inject(ActionFaults? faults)
    {
        if (faults is null)
        {
            return;
        }

        if (faults.TakeThrottle(random))
        {
            var headers = new Dictionary<string, string>();
            if (faults.ThrottleTimeLeftMs is { } left)
            {
                var reset = time.GetUtcNow().AddMilliseconds(left).ToUnixTimeSeconds();
                headers["x-ratelimit-user"] = string.Create(CultureInfo.InvariantCulture, $"Limit:20,Remain:0,TimeLeft:{left},Reset:{reset}");
                headers["x-acs-retry-after"] = left.ToString(CultureInfo.InvariantCulture);
            }

            throw new AcsError(400, "Throttling.User", "Request was denied due to user flow control.", headers);
        }

        if (faults.TakeServerError(random))
        {
            throw faults.ServerErrorStatus == 500
                ? new AcsError(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.")
                : new AcsError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
        }

        if (faults.TakeFailure() is { } failure)
        {
            throw failure;
        }
    }

    private static string Break(string json, MalformedBody kind) => kind switch
    {
        MalformedBody.Html => "<html><body><h1>502 Bad Gateway</h1></body></html>",
        // The first object-valued property is the list wrapper: a string there breaks every strict reader.
        MalformedBody.WrongTypes when json.Contains("\":{", StringComparison.Ordinal) =>
            string.Concat(json.AsSpan(0, json.IndexOf("\":{", StringComparison.Ordinal)), "\":\"oops\",\"x", json.AsSpan(json.IndexOf("\":{", StringComparison.Ordinal))),
        _ => json[..(json.Length / 2)],
    };

    private static Task WriteAsync(HttpContext context, int status, string body, string? contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType ?? "application/json;charset=utf-8";
        return context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
    }
}
