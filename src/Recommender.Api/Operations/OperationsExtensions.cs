using Prometheus;
using Recommender.Api.Recommendations;

namespace Recommender.Api.Operations;

/// <summary>Logs, liveness, readiness and metrics: what an orchestrator and an operator need.</summary>
public static class OperationsExtensions
{
    /// <summary>
    /// How long a .NET Meters series lives on /metrics without new data. prometheus-net drops them after 5 minutes by
    /// default, which would reset the scrapers' counters between two 12-hourly full refreshes.
    /// </summary>
    public static readonly TimeSpan MeterSeriesLifetime = TimeSpan.FromDays(1);

    /// <summary>Where the service listens when nothing says otherwise: loopback only, so a first run exposes nothing.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>
    /// Meters whose series are runtime internals, not ours to watch: .NET's "Private.InternalDiagnostics.*" meters
    /// (msquic's ~100 connection and worker series) are published only for Microsoft's own diagnostics.
    /// </summary>
    private const string InternalMeterPrefix = "Private.InternalDiagnostics.";

    /// <summary>
    /// Console logs (one human-readable line per event in Development; structured JSON elsewhere, with scopes carrying
    /// the request id and trace id), the default listen address, and the meters on /metrics.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // --urls, ASPNETCORE_URLS and ASPNETCORE_HTTP_PORTS (set by the container image) all land in configuration.
        if (new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        ExportMeters();
        return builder;
    }

    /// <summary>Typed answers for unhandled errors and HTTP metrics for every request; call before mapping endpoints.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = UnhandledErrorResponse.WriteAsync });
        app.UseHttpMetrics();
        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", ReadinessEndpoint.Handle);
        app.MapMetrics("/metrics");
        // Created on first use otherwise, i.e. the first recommendation: the store's gauges (places held, breaker
        // state) belong on /metrics from the start.
        _ = app.Services.GetService<RecommendationMetrics>();
        return app;
    }

    /// <summary>
    /// Puts every System.Diagnostics.Metrics meter (ours: Recommender.Scrapers, Recommender.Recommendations) on
    /// /metrics. prometheus-net attaches its meter adapter on the registry's first collection, i.e. the first scrape,
    /// and would miss whatever is recorded before it (a refresh at start-up); one collection into Stream.Null attaches
    /// it now. No I/O, so blocking is fine.
    /// </summary>
    private static void ExportMeters()
    {
        Metrics.ConfigureMeterAdapter(o =>
        {
            o.MetricsExpireAfter = MeterSeriesLifetime;
            o.InstrumentFilterPredicate = instrument => !instrument.Meter.Name.StartsWith(InternalMeterPrefix, StringComparison.Ordinal);
        });
        Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
    }
}
