using System.Net;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Expander.Consultations;
using Recommender.Expander.Grpc;
using Recommender.Expander.Pricing;

namespace Recommender.Expander.Hosting;

public static class ExpanderServiceCollectionExtensions
{
    public const string HealthCheckName = "expander";

    /// <summary>Path prefixes served on the expander's port, and only there.</summary>
    private static readonly string[] ExpanderPaths = [$"/{ExpanderProtocol.ServiceName}/", "/grpc.health.v1.Health/"];

    /// <summary>
    /// Binds <see cref="ExpanderOptions"/> (section <c>Expander</c>) and, when enabled, registers the price choice over
    /// <see cref="ICatalog"/>, gRPC (request limit <see cref="ExpanderOptions.MaxReceiveMessageBytes"/>) and gRPC health
    /// checking. The endpoint itself is <see cref="ExpanderEndpoint.ListenExpander"/>; the routes are <see cref="UseExpander"/>.
    /// </summary>
    public static IServiceCollection AddExpander(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The decision log serves recommendScaleOut too, so it is there whether or not the gRPC expander is enabled.
        services.AddConsultations(configuration);
        services.AddOptions<ExpanderOptions>()
            .Bind(configuration.GetSection(ExpanderOptions.SectionName))
            .Validate(o => !o.Enabled || o.Port is > 0 and <= 65535, "Expander:Port must be between 1 and 65535.")
            .Validate(o => !o.Enabled || o.MaxReceiveMessageBytes > 0, "Expander:MaxReceiveMessageBytes must be positive.")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.CertificatePath),
                "Expander:CertificatePath is required when Expander:Enabled is true: cluster-autoscaler only dials TLS.")
            .Validate(o => !o.Enabled || o.Address is "*" or "+" or "" or "localhost" || IPAddress.TryParse(o.Address, out _),
                "Expander:Address must be *, localhost or an IP address.")
            .ValidateOnStart();
        var options = configuration.GetSection(ExpanderOptions.SectionName).Get<ExpanderOptions>() ?? new ExpanderOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton(sp => new ExpanderMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ExpanderOptions>>().Value;
            return new PriceExpander(sp.GetRequiredService<ICatalog>(), new TemplatePricer(o.Provider, o.Region));
        });
        services.AddGrpc();
        services.AddOptions<GrpcServiceOptions<ExpanderService>>()
            .Configure<IOptions<ExpanderOptions>>((grpc, expander) =>
            {
                grpc.MaxReceiveMessageSize = expander.Value.MaxReceiveMessageBytes;
                grpc.EnableDetailedErrors = false;
            });
        // "" (the whole server) and the expander service, both from ExpanderHealthCheck, which is never Unhealthy: an
        // empty catalog still gets an answer (every option), so it is no reason to stop serving.
        services.AddGrpcHealthChecks(o => o.Services.Map(ExpanderProtocol.ServiceName, _ => true))
            .AddCheck<ExpanderHealthCheck>(HealthCheckName);
        return services;
    }

    /// <summary>
    /// When enabled: maps <c>grpcplugin.Expander</c> and <c>grpc.health.v1.Health</c>, and keeps each port to its own
    /// routes (the expander's port answers only those two services; the API's ports never answer them).
    /// </summary>
    public static WebApplication UseExpander(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<ExpanderOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var port = options.Port;
        // Kestrel caps request bodies at 30 MB, and Grpc.AspNetCore lifts that cap only for streaming calls. On this port
        // the cap is lifted for every call: gRPC reads the 5-byte frame header first and refuses a message over
        // Expander:MaxReceiveMessageBytes with RESOURCE_EXHAUSTED before buffering it, and a unary call reads exactly one
        // message. A Kestrel cap at the same size raced with that check: when the whole body had already arrived (a
        // loaded machine), Kestrel's own "body too large" error won and the client saw UNKNOWN.
        app.Use((context, next) =>
        {
            var onExpanderPort = context.Connection.LocalPort == port;
            var expanderPath = ExpanderPaths.Any(p => context.Request.Path.Value?.StartsWith(p, StringComparison.Ordinal) == true);
            if (onExpanderPort != expanderPath)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            if (onExpanderPort && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            {
                bodyLimit.MaxRequestBodySize = null;
            }

            return next(context);
        });
        app.MapGrpcService<ExpanderService>();
        app.MapGrpcHealthChecksService();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExpanderService));
        app.Lifetime.ApplicationStarted.Register(() => ExpanderLog.Listening(logger, options.Address, port));
        return app;
    }
}
