using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Api.Recommendations;
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
        Assert.Equal("AVAILABLE", r.Json.GetProperty("store").GetProperty("state").GetString());
        Assert.Equal("READY", r.Json.GetProperty("status").GetString());
        var recommendations = r.Json.GetProperty("recommendationStore");
        Assert.Equal("memory", recommendations.GetProperty("kind").GetString());
        Assert.Equal("AVAILABLE", recommendations.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, recommendations.GetProperty("breaker").ValueKind);
    }

    [Fact]
    public async Task Readyz_is_503_with_the_store_state_until_the_catalog_is_loaded()
    {
        api.Status.Health = new CatalogHealthReport(false, "redis", StoreState.Unavailable, "timeout", null);

        var r = await api.SendAsync(HttpMethod.Get, "/readyz");

        Assert.Equal(503, r.Status);
        Assert.False(r.Json.GetProperty("ready").GetBoolean());
        Assert.Equal("redis", r.Json.GetProperty("store").GetProperty("kind").GetString());
        Assert.Equal("UNAVAILABLE", r.Json.GetProperty("store").GetProperty("state").GetString());
        Assert.Equal("NOT_READY", r.Json.GetProperty("status").GetString());
        Assert.Equal("timeout", r.Json.GetProperty("store").GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Readyz_stays_200_but_says_DEGRADED_while_the_catalog_store_is_down()
    {
        api.Status.Health = new CatalogHealthReport(true, "redis", StoreState.Unavailable, "timeout", null);

        var r = await api.SendAsync(HttpMethod.Get, "/readyz");

        Assert.Equal(200, r.Status);
        Assert.Equal("DEGRADED", r.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_stays_200_but_says_DEGRADED_with_the_breaker_while_the_recommendation_store_is_down()
    {
        var health = new RecommendationStoreHealth(
            "redis", RecommendationStoreState.Degraded, CircuitState.HalfOpen, 40, 2, 3, 0, 9, "save: no answer within 250 ms", null);
        using var app = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IRecommendationStoreStatus>(new FixedStatus(health))));
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("DEGRADED", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("ready").GetBoolean());
        var store = body.GetProperty("recommendationStore");
        Assert.Equal("redis", store.GetProperty("kind").GetString());
        Assert.Equal("DEGRADED", store.GetProperty("state").GetString());
        Assert.Equal("HALF_OPEN", store.GetProperty("breaker").GetString());
        Assert.Equal(40, store.GetProperty("stored").GetInt64());
        Assert.Equal(2, store.GetProperty("pending").GetInt32());
        Assert.Equal("save: no answer within 250 ms", store.GetProperty("lastError").GetString());
    }

    [Theory]
    [InlineData(StoreState.Available)]
    [InlineData(StoreState.Unavailable)]
    public async Task Readyz_spells_enums_as_graphql_does(StoreState state)
    {
        api.Status.Health = new CatalogHealthReport(true, "redis", state, null, null);

        var ready = await api.SendAsync(HttpMethod.Get, "/readyz");
        var graphql = await api.PostAsync("{ catalogStatus { store { state } } }");

        Assert.Equal(
            graphql.Data.GetProperty("catalogStatus").GetProperty("store").GetProperty("state").GetString(),
            ready.Json.GetProperty("store").GetProperty("state").GetString());
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

    private sealed class FixedStatus(RecommendationStoreHealth health) : IRecommendationStoreStatus
    {
        public RecommendationStoreHealth GetHealth() => health;
    }
}
