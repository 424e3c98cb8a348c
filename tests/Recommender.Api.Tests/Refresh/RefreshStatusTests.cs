using System.Text.Json;

namespace Recommender.Api.Tests.Refresh;

/// <summary>catalogStatus joined with the scrapers' state, on the sample with the scrapers running over a fake provider.</summary>
public sealed class RefreshStatusTests : IDisposable
{
    private const string Query = """
        { catalogStatus {
            scrapers { mode reason jobStore schedulerInstanceId }
            regions { region source stale listedByProvider refresh { kind stale lastError { code } } } } }
        """;

    private readonly RefreshApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Scrapers_run_on_the_in_memory_job_store_and_untouched_regions_have_no_history()
    {
        var status = await CatalogStatusAsync();

        var scrapers = status.GetProperty("scrapers");
        Assert.Equal("RUNNING", scrapers.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, scrapers.GetProperty("reason").ValueKind);
        Assert.Equal("memory", scrapers.GetProperty("jobStore").GetString());
        Assert.False(string.IsNullOrEmpty(scrapers.GetProperty("schedulerInstanceId").GetString()));
        var regions = status.GetProperty("regions").EnumerateArray().ToList();
        Assert.NotEmpty(regions);
        Assert.All(regions, r =>
        {
            Assert.Equal(0, r.GetProperty("refresh").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("listedByProvider").ValueKind);
            Assert.False(r.GetProperty("stale").GetBoolean());
        });
    }

    [Fact]
    public async Task A_region_is_stale_when_its_refresh_status_says_so_even_if_its_age_does_not()
    {
        // The sample's timestamp is older than every Scrapers:StaleAfter limit; the catalog's own limit is ten years.
        api.Provider.RegionErrors["cn-hangzhou"] = new FakeProviderException("PROVIDER_UNAVAILABLE", transient: true);
        var r = await api.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { stale } }""");
        Assert.True(r.Data.GetProperty("refreshCatalog").GetProperty("stale").GetBoolean(), r.ToString());

        var regions = (await CatalogStatusAsync()).GetProperty("regions").EnumerateArray().ToList();

        var failed = Assert.Single(regions, x => x.GetProperty("region").GetString() == "cn-hangzhou");
        Assert.True(failed.GetProperty("stale").GetBoolean());
        Assert.True(failed.GetProperty("listedByProvider").GetBoolean());
        Assert.All(failed.GetProperty("refresh").EnumerateArray(), k => Assert.True(k.GetProperty("stale").GetBoolean()));
        Assert.Equal(
            ["FULL", "ON_DEMAND_PRICES", "SPOT_PRICES_AND_STOCK"],
            failed.GetProperty("refresh").EnumerateArray().Select(k => k.GetProperty("kind").GetString()));
        Assert.Equal("PROVIDER_UNAVAILABLE", failed.GetProperty("refresh")[0].GetProperty("lastError").GetProperty("code").GetString());
        Assert.All(regions.Where(x => x.GetProperty("region").GetString() != "cn-hangzhou"), x => Assert.False(x.GetProperty("stale").GetBoolean()));
    }

    [Fact]
    public async Task A_successful_full_refresh_makes_every_kind_fresh()
    {
        await api.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { region } }""");

        var region = Assert.Single(
            (await CatalogStatusAsync()).GetProperty("regions").EnumerateArray(), x => x.GetProperty("region").GetString() == "cn-hangzhou");

        Assert.Equal("LIVE", region.GetProperty("source").GetString());
        Assert.False(region.GetProperty("stale").GetBoolean());
        Assert.All(region.GetProperty("refresh").EnumerateArray(), k => Assert.False(k.GetProperty("stale").GetBoolean()));
    }

    [Fact]
    public async Task A_listed_region_whose_first_refresh_failed_shows_under_scrapers_with_its_discovery()
    {
        api.Provider.RegionErrors["cn-new"] = new FakeProviderException("PROVIDER_UNAVAILABLE", transient: true);
        await api.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-new") { region } }""");

        var r = await api.PostAsync("""
            { catalogStatus {
                scrapers { providers { provider lastSuccessAt regionCount missingRegions lastError { code } }
                           regions { region listedByProvider kinds { kind lastError { code } } } }
                regions { region } } }
            """);

        Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), r.ToString());
        var status = r.Data.GetProperty("catalogStatus");
        Assert.DoesNotContain(status.GetProperty("regions").EnumerateArray(), x => x.GetProperty("region").GetString() == "cn-new");
        var scrapers = status.GetProperty("scrapers");
        var provider = Assert.Single(scrapers.GetProperty("providers").EnumerateArray());
        Assert.Equal("alibaba", provider.GetProperty("provider").GetString());
        Assert.Equal(api.Provider.Regions.Count, provider.GetProperty("regionCount").GetInt32());
        Assert.Equal(JsonValueKind.String, provider.GetProperty("lastSuccessAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, provider.GetProperty("lastError").ValueKind);
        // The sample holds regions the fake provider does not list.
        Assert.Contains("cn-shanghai", provider.GetProperty("missingRegions").EnumerateArray().Select(x => x.GetString()));
        var unloaded = Assert.Single(scrapers.GetProperty("regions").EnumerateArray(), x => x.GetProperty("region").GetString() == "cn-new");
        Assert.True(unloaded.GetProperty("listedByProvider").GetBoolean());
        Assert.Equal("PROVIDER_UNAVAILABLE", unloaded.GetProperty("kinds")[0].GetProperty("lastError").GetProperty("code").GetString());
    }

    private async Task<JsonElement> CatalogStatusAsync()
    {
        var r = await api.PostAsync(Query);
        Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), r.ToString());
        return r.Data.GetProperty("catalogStatus");
    }
}
