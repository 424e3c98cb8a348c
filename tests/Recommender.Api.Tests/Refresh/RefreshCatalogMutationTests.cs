using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Recommender.Core.Cloud;

namespace Recommender.Api.Tests.Refresh;

public sealed class RefreshCatalogMutationTests : IDisposable
{
    private const string StatusFields = """
        provider region listedByProvider stale catalogUpdatedAt
        kinds { kind lastAttemptAt lastSuccessAt lastDurationMs lastApiCalls totalApiCalls consecutiveFailures running stale
                lastError { code message transient at } }
        """;

    private readonly RefreshApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Refresh_publishes_the_region_live_and_returns_its_status()
    {
        var r = await api.PostAsync($$"""mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { {{StatusFields}} } }""");

        var status = NoErrors(r).GetProperty("refreshCatalog");
        Assert.Equal("alibaba", status.GetProperty("provider").GetString());
        Assert.Equal("cn-hangzhou", status.GetProperty("region").GetString());
        Assert.True(status.GetProperty("listedByProvider").GetBoolean());
        Assert.False(status.GetProperty("stale").GetBoolean());
        var full = Kind(status, "FULL");
        Assert.Equal(JsonValueKind.String, full.GetProperty("lastSuccessAt").ValueKind);
        Assert.Equal(JsonValueKind.Number, full.GetProperty("lastDurationMs").ValueKind);
        Assert.Equal(FakeCloudProvider.ApiCallsPerRefresh, full.GetProperty("lastApiCalls").GetInt32());
        Assert.Equal(FakeCloudProvider.ApiCallsPerRefresh, full.GetProperty("totalApiCalls").GetInt64());
        Assert.Equal(0, full.GetProperty("consecutiveFailures").GetInt32());
        Assert.False(full.GetProperty("running").GetBoolean());
        Assert.Equal(JsonValueKind.Null, full.GetProperty("lastError").ValueKind);
        Assert.Equal(JsonValueKind.Null, Kind(status, "SPOT_PRICES_AND_STOCK").GetProperty("lastAttemptAt").ValueKind);
        Assert.Equal([("cn-hangzhou", RefreshKind.Full)], api.Provider.Calls);

        var region = await StatusOfAsync("cn-hangzhou");
        Assert.Equal("LIVE", region.GetProperty("source").GetString());
        Assert.Equal(FakeCloudProvider.VersionOf(1), region.GetProperty("version").GetInt64());
        Assert.Equal(api.Provider.TypesPerRefresh.Count, region.GetProperty("instanceTypeCount").GetInt32());
        Assert.Equal(3, region.GetProperty("refresh").GetArrayLength());

        var types = NoErrors(await api.PostAsync("""
            { instanceTypes(provider: "alibaba", region: "cn-hangzhou", first: 100) { totalCount nodes { name } } }
            """)).GetProperty("instanceTypes");
        Assert.Equal(
            api.Provider.TypesPerRefresh.Order(StringComparer.Ordinal),
            types.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_kind_argument_reaches_the_provider_and_builds_on_the_previous_catalog()
    {
        var time = new FakeTimeProvider(RefreshRateLimitTests.Now);
        using var timed = new RefreshApiFactory { Time = time };
        NoErrors(await timed.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { region } }"""));
        time.Advance(TimeSpan.FromMinutes(1)); // Scrapers:OnDemandRefreshInterval

        var r = await timed.PostAsync($$"""
            mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou", kind: SPOT_PRICES_AND_STOCK) { {{StatusFields}} } }
            """);

        var spot = Kind(NoErrors(r).GetProperty("refreshCatalog"), "SPOT_PRICES_AND_STOCK");
        Assert.Equal(JsonValueKind.String, spot.GetProperty("lastSuccessAt").ValueKind);
        Assert.Equal([("cn-hangzhou", RefreshKind.Full), ("cn-hangzhou", RefreshKind.SpotPricesAndStock)], timed.Provider.Calls);
        var region = await StatusOfAsync("cn-hangzhou", timed);
        Assert.Equal(FakeCloudProvider.VersionOf(2), region.GetProperty("version").GetInt64());
        Assert.Equal(timed.Provider.TypesPerRefresh.Count, region.GetProperty("instanceTypeCount").GetInt32());
    }

    [Fact]
    public async Task A_failed_refresh_is_returned_as_status_and_keeps_the_last_good_data()
    {
        var before = await StatusOfAsync("cn-hangzhou");
        api.Provider.RegionErrors["cn-hangzhou"] = new FakeProviderException("PROVIDER_THROTTLED", transient: true);

        var r = await api.PostAsync($$"""mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { {{StatusFields}} } }""");

        var full = Kind(NoErrors(r).GetProperty("refreshCatalog"), "FULL");
        var error = full.GetProperty("lastError");
        Assert.Equal("PROVIDER_THROTTLED", error.GetProperty("code").GetString());
        Assert.Contains("PROVIDER_THROTTLED from the fake provider", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(error.GetProperty("transient").GetBoolean());
        Assert.Equal(JsonValueKind.String, error.GetProperty("at").ValueKind);
        Assert.Equal(1, full.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(JsonValueKind.Null, full.GetProperty("lastSuccessAt").ValueKind);

        var after = await StatusOfAsync("cn-hangzhou");
        Assert.Equal("SNAPSHOT", after.GetProperty("source").GetString());
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal("PROVIDER_THROTTLED", Kind(after, "FULL", "refresh").GetProperty("lastError").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_region_the_provider_lists_but_the_catalog_lacks_is_discovered_and_loaded()
    {
        Assert.Null(await FindStatusAsync("cn-new"));

        NoErrors(await api.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-new") { region } }"""));

        var region = await FindStatusAsync("cn-new");
        Assert.NotNull(region);
        Assert.Equal("LIVE", region.Value.GetProperty("source").GetString());
        Assert.True(region.Value.GetProperty("listedByProvider").GetBoolean());
    }

    [Theory]
    [InlineData("alibaba", "nowhere")]
    [InlineData("nope", "cn-hangzhou")]
    public async Task Unknown_provider_or_region_is_not_found(string provider, string region)
    {
        var r = await api.PostAsync($$"""mutation { refreshCatalog(provider: "{{provider}}", region: "{{region}}") { region } }""");

        Assert.Equal(200, r.Status);
        Assert.Equal("NOT_FOUND", r.ErrorCode);
        Assert.DoesNotContain(api.Provider.Calls, c => c.Region == region);
    }

    [Fact]
    public async Task A_request_that_times_out_leaves_the_refresh_running_to_completion()
    {
        using var slow = new RefreshApiFactory();
        slow.Settings["GraphQL:ExecutionTimeout"] = "00:00:00.200";
        slow.Provider.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first request also starts the app and builds the schema, which can take longer than 200 ms on a busy
        // machine: the timeout would then fire before the resolver ever asked for a refresh.
        await slow.PostAsync("""{ catalogStatus { scrapers { mode } } }""");

        var r = await slow.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { region } }""");
        Assert.Equal("TIMEOUT", r.ErrorCode);
        slow.Provider.Hold.SetResult();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? source;
        do
        {
            await Task.Delay(20);
            var status = await slow.PostAsync("""{ catalogStatus { regions { region source } } }""");
            source = status.Data.GetProperty("catalogStatus").GetProperty("regions").EnumerateArray()
                .Single(x => x.GetProperty("region").GetString() == "cn-hangzhou").GetProperty("source").GetString();
        }
        while (source != "LIVE" && DateTime.UtcNow < deadline);

        Assert.Equal("LIVE", source);
    }

    [Fact]
    public async Task Mutations_over_GET_are_refused_with_405()
    {
        var query = Uri.EscapeDataString("""mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { region } }""");

        var r = await api.SendAsync(HttpMethod.Get, $"/graphql?query={query}");

        Assert.Equal(405, r.Status);
        Assert.Empty(api.Provider.Calls);
    }

    private static JsonElement NoErrors(GraphQLResponse r)
    {
        Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), r.ToString());
        return r.Data;
    }

    private static JsonElement Kind(JsonElement status, string kind, string list = "kinds") =>
        Assert.Single(status.GetProperty(list).EnumerateArray(), k => k.GetProperty("kind").GetString() == kind);

    private async Task<JsonElement> StatusOfAsync(string region, RefreshApiFactory? app = null) =>
        await FindStatusAsync(region, app) ?? throw new Xunit.Sdk.XunitException($"{region} not in catalogStatus");

    private async Task<JsonElement?> FindStatusAsync(string region, RefreshApiFactory? app = null)
    {
        var r = await (app ?? api).PostAsync("""
            { catalogStatus { regions { provider region source version instanceTypeCount stale listedByProvider
                refresh { kind lastSuccessAt lastError { code } } } } }
            """);
        foreach (var candidate in NoErrors(r).GetProperty("catalogStatus").GetProperty("regions").EnumerateArray())
        {
            if (candidate.GetProperty("region").GetString() == region)
            {
                return candidate;
            }
        }

        return null;
    }
}
