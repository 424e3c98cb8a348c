using Prometheus;

namespace Recommender.Api.Operations;

/// <summary>Logs, liveness, readiness and metrics: what an orchestrator and an operator need.</summary>
public static class OperationsExtensions
{
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
        return app;
    }
}
