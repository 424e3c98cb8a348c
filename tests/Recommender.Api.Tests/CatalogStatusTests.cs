using Microsoft.Extensions.Logging;
using Recommender.Core.Catalog;

namespace Recommender.Api.Tests;

public sealed class CatalogStatusTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Catalog_status_reports_store_and_regions()
    {
        var updated = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        api.Status.Health = new CatalogHealthReport(true, "redis", StoreState.Unavailable, "connection refused", updated);
        api.Status.Regions = [new RegionCatalogStatus(new RegionKey("alibaba", "cn-test"), CatalogSource.Live, updated, TimeSpan.FromSeconds(90), true, 42, 167)];

        var r = await api.PostAsync("""
            { catalogStatus { ready store { kind state lastError lastSuccessAt }
                regions { provider region source updatedAt ageSeconds stale version instanceTypeCount } } }
            """);

        var status = r.Data.GetProperty("catalogStatus");
        Assert.True(status.GetProperty("ready").GetBoolean());
        var store = status.GetProperty("store");
        Assert.Equal("redis", store.GetProperty("kind").GetString());
        Assert.Equal("UNAVAILABLE", store.GetProperty("state").GetString());
        Assert.Equal("connection refused", store.GetProperty("lastError").GetString());
        Assert.Equal(updated, store.GetProperty("lastSuccessAt").GetDateTimeOffset());
        var region = Assert.Single(status.GetProperty("regions").EnumerateArray());
        Assert.Equal("alibaba", region.GetProperty("provider").GetString());
        Assert.Equal("cn-test", region.GetProperty("region").GetString());
        Assert.Equal("LIVE", region.GetProperty("source").GetString());
        Assert.Equal(updated, region.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(90, region.GetProperty("ageSeconds").GetDouble());
        Assert.True(region.GetProperty("stale").GetBoolean());
        Assert.Equal(42, region.GetProperty("version").GetInt64());
        Assert.Equal(167, region.GetProperty("instanceTypeCount").GetInt32());
    }

    [Fact]
    public async Task Unexpected_failures_are_internal_with_a_generic_message()
    {
        api.Status.NextError = new InvalidOperationException("secret detail");

        var r = await api.PostAsync("{ catalogStatus { ready } }");

        Assert.Equal(200, r.Status);
        Assert.Equal("INTERNAL", r.ErrorCode);
        Assert.DoesNotContain("secret", r.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", r.Body, StringComparison.Ordinal);
        Assert.Contains(api.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "secret detail" && e.Message.Contains("catalogStatus", StringComparison.Ordinal));
    }
}
