using Recommender.Core.Catalog;

namespace Recommender.Api.Tests;

public sealed class OperationsEndpointTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Healthz_says_the_process_is_alive()
    {
        api.Status.Health = api.Status.Health with { IsLoaded = false };

        var r = await api.SendAsync(HttpMethod.Get, "/healthz");

        Assert.Equal(200, r.Status);
        Assert.Equal("ok", r.Body);
    }

    [Fact]
    public async Task Readyz_is_200_when_the_catalog_is_loaded()
    {
        api.Status.Health = new CatalogHealthReport(true, "memory", StoreState.Available, null, null);

        var r = await api.SendAsync(HttpMethod.Get, "/readyz");

        Assert.Equal(200, r.Status);
        Assert.True(r.Json.GetProperty("ready").GetBoolean());
        Assert.Equal("Available", r.Json.GetProperty("store").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Readyz_is_503_with_the_store_state_until_the_catalog_is_loaded()
    {
        api.Status.Health = new CatalogHealthReport(false, "redis", StoreState.Unavailable, "timeout", null);

        var r = await api.SendAsync(HttpMethod.Get, "/readyz");

        Assert.Equal(503, r.Status);
        Assert.False(r.Json.GetProperty("ready").GetBoolean());
        Assert.Equal("redis", r.Json.GetProperty("store").GetProperty("kind").GetString());
        Assert.Equal("Unavailable", r.Json.GetProperty("store").GetProperty("state").GetString());
        Assert.Equal("timeout", r.Json.GetProperty("store").GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Metrics_expose_graphql_requests_by_outcome_and_http_metrics()
    {
        await api.PostAsync("{ providers { id } }");
        await api.PostAsync("{ nope }");

        var r = await api.SendAsync(HttpMethod.Get, "/metrics");

        Assert.Equal(200, r.Status);
        Assert.Matches("recommender_graphql_requests_total\\{outcome=\"success\"\\} [1-9]", r.Body);
        Assert.Matches("recommender_graphql_requests_total\\{outcome=\"request_error\"\\} [1-9]", r.Body);
        Assert.Contains("recommender_graphql_request_duration_seconds_bucket", r.Body, StringComparison.Ordinal);
        Assert.Contains("http_requests_received_total", r.Body, StringComparison.Ordinal);
    }
}
