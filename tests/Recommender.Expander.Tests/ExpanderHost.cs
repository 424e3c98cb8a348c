using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Recommender.Core.Catalog;
using Recommender.Expander.Grpc;
using Recommender.Expander.Hosting;

namespace Recommender.Expander.Tests;

/// <summary>
/// The expander on real Kestrel: a free loopback port, TLS with the test certificate (loaded from its PEM files), HTTP/2
/// only; and a <see cref="GrpcChannel"/> that reaches it as CA would, by DNS name, trusting that certificate only.
/// </summary>
public sealed class ExpanderHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ExpanderHost(WebApplication app, int port, TestCatalog catalog, CapturingLoggerProvider logs)
    {
        this.app = app;
        Port = port;
        Catalog = catalog;
        Logs = logs;
        Handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => TestCertificate.Validate(certificate, errors) },
        };
        Channel = GrpcChannel.ForAddress($"https://localhost:{port}", new GrpcChannelOptions
        {
            HttpHandler = Handler,
            MaxSendMessageSize = null,
            MaxReceiveMessageSize = 128 * 1024 * 1024,
        });
    }

    public int Port { get; }

    public TestCatalog Catalog { get; }

    public CapturingLoggerProvider Logs { get; }

    public SocketsHttpHandler Handler { get; }

    public GrpcChannel Channel { get; }

    public CallInvoker Invoker => Channel.CreateCallInvoker();

    public IServiceProvider Services => app.Services;

    public static async Task<ExpanderHost> StartAsync(CatalogSnapshot snapshot, IDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var configuration = new Dictionary<string, string?>
        {
            ["Expander:Enabled"] = "true",
            ["Expander:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Expander:Address"] = "127.0.0.1",
            ["Expander:CertificatePath"] = TestCertificate.CertificatePath,
            ["Expander:KeyPath"] = TestCertificate.KeyPath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var catalog = new TestCatalog(snapshot);
        builder.Services.AddSingleton<ICatalog>(catalog);
        builder.Services.AddExpander(builder.Configuration);
        // Health checks are run on each Check call; the periodic publisher would only add catalog reads at random times.
        builder.Services.Configure<HealthCheckPublisherOptions>(o => o.Delay = TimeSpan.FromDays(1));
        var options = builder.Configuration.GetSection(ExpanderOptions.SectionName).Get<ExpanderOptions>()!;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenExpander(options));
        var app = builder.Build();
        app.UseExpander();
        await app.StartAsync();
        return new ExpanderHost(app, port, catalog, logs);
    }

    public Task<BestOptionsResponse> BestOptionsAsync(BestOptionsRequest request, DateTime? deadline = null) =>
        Invoker.AsyncUnaryCall(ExpanderProtocol.BestOptions, null, new CallOptions(deadline: deadline), request).ResponseAsync;

    /// <summary>Sends <paramref name="request"/> as another message type (a CA generation's, or raw bytes) to the same method.</summary>
    public Task<TResponse> CallAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, DateTime? deadline = null)
        where TRequest : class
        where TResponse : class =>
        Invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: deadline), request).ResponseAsync;

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        Handler.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
