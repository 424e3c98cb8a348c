namespace Recommender.Api.Tests.Refresh;

/// <summary>The Recommender.Scrapers meter reaches /metrics next to the GraphQL metrics.</summary>
public sealed class ScraperMetricsExportTests : IDisposable
{
    private const string Scrapers = "recommender_scrapers_";

    private readonly RefreshApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Refresh_outcomes_show_on_metrics()
    {
        // A region no other test refreshes with an error, so the error series here can only come from this test.
        api.Provider.Regions.Add(new("cn-metrics", "Metrics", [new("cn-metrics-a", "Metrics A")]));
        await api.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { region } }""");
        api.Provider.RegionErrors["cn-metrics"] = new FakeProviderException("PROVIDER_METRICS_TEST", transient: false);
        await api.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-metrics") { region } }""");

        var r = await api.SendAsync(HttpMethod.Get, "/metrics");

        Assert.Equal(200, r.Status);
        // prometheus-net names a series meter_instrument, e.g. recommender_scrapers_api_calls.
        // Its registry is process-wide, so other tests' refreshes of cn-hangzhou add to the same series.
        Assert.Matches($"{Scrapers}api_calls\\{{[^}}]*region=\"cn-hangzhou\"[^}}]*\\}} [1-9][0-9]*\n", r.Body);
        Assert.Matches($"{Scrapers}errors\\{{[^}}]*code=\"PROVIDER_METRICS_TEST\"[^}}]*\\}} 1\n", r.Body);
        Assert.Matches($"{Scrapers}refresh_duration_count\\{{[^}}]*outcome=\"success\"[^}}]*region=\"cn-hangzhou\"\\}} [1-9]", r.Body);
        Assert.Matches($"{Scrapers}last_success\\{{[^}}]*region=\"cn-hangzhou\"\\}} [1-9]", r.Body);
        Assert.Matches("recommender_graphql_requests_total\\{outcome=\"success\"\\} [1-9]", r.Body);
    }
}
