using Prometheus;

namespace Recommender.Api.GraphQL;

/// <summary>GraphQL request counter and latency histogram, labelled by outcome.</summary>
internal static class GraphQLMetrics
{
    public const string Success = "success";
    public const string FieldError = "field_error";
    public const string RequestError = "request_error";
    public const string Cancelled = "cancelled";
    public const string NotModified = "not_modified";

    private static readonly Counter Requests = Metrics.CreateCounter(
        "recommender_graphql_requests_total", "GraphQL requests by outcome.", "outcome");

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "recommender_graphql_request_duration_seconds",
        "GraphQL request duration (read, execute, write) by outcome.",
        new HistogramConfiguration
        {
            LabelNames = ["outcome"],
            Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14),
        });

    public static void Record(string outcome, TimeSpan elapsed)
    {
        Requests.WithLabels(outcome).Inc();
        Duration.WithLabels(outcome).Observe(elapsed.TotalSeconds);
    }
}
