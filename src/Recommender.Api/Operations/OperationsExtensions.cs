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

    /// <summary>Structured JSON console logs; scopes carry the request id and trace id of each request.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        ExportMeters();
        return builder;
    }

    /// <summary>HTTP metrics for every request; call before mapping endpoints.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
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
        Metrics.ConfigureMeterAdapter(o => o.MetricsExpireAfter = MeterSeriesLifetime);
        Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
    }
}
