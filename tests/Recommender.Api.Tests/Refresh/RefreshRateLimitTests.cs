using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Recommender.Api.Tests.Refresh;

/// <summary>refreshCatalog open to anyone: concurrent calls share one refresh, and a region is refreshed on demand once per interval.</summary>
public sealed class RefreshRateLimitTests : IDisposable
{
    /// <summary>After every version the fake provider stamps, so refreshed regions replace the sample's.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private const string Refresh = """mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { region } }""";

    private readonly FakeTimeProvider time = new(Now);
    private readonly RefreshApiFactory api;

    public RefreshRateLimitTests() => api = new RefreshApiFactory { Time = time };

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Concurrent_calls_make_one_provider_refresh()
    {
        api.Provider.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 20).Select(_ => api.PostAsync(Refresh)).ToList();
        await WaitUntilAsync(() => api.Provider.Calls.Count == 1, "the refresh reaching the provider");
        api.Provider.Hold.SetResult();
        var answers = await Task.WhenAll(calls);

        Assert.Single(api.Provider.Calls);
        // Callers that arrived while it ran joined it; a caller that came after it ended is refused, never refreshed.
        Assert.All(answers, r => Assert.True(
            r.Status == 200 && (!r.Json.TryGetProperty("errors", out _) || r.ErrorCode == "REFRESH_RATE_LIMITED"), r.ToString()));
        Assert.Contains(answers, r => !r.Json.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_call_within_the_interval_is_refused_with_a_typed_error_and_allowed_again_after_it()
    {
        Assert.False((await api.PostAsync(Refresh)).Json.TryGetProperty("errors", out _));
        time.Advance(TimeSpan.FromSeconds(20));

        var refused = await api.PostAsync(Refresh);

        Assert.Equal(200, refused.Status);
        Assert.Equal("REFRESH_RATE_LIMITED", refused.ErrorCode);
        var extensions = refused.FirstError.GetProperty("extensions");
        Assert.Equal(40, extensions.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal(Now.AddMinutes(1), extensions.GetProperty("nextRefreshAllowedAt").GetDateTimeOffset());
        Assert.Contains("alibaba/cn-hangzhou", refused.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, refused.Json.GetProperty("data").ValueKind);
        Assert.Single(api.Provider.Calls);

        time.Advance(TimeSpan.FromSeconds(40));
        var allowed = await api.PostAsync(Refresh);

        Assert.False(allowed.Json.TryGetProperty("errors", out _), allowed.ToString());
        Assert.Equal(2, api.Provider.Calls.Count);
    }

    [Fact]
    public async Task The_interval_is_configurable()
    {
        using var slow = new RefreshApiFactory { Time = time };
        slow.Settings["Scrapers:OnDemandRefreshInterval"] = "00:10:00";
        await slow.PostAsync(Refresh);
        time.Advance(TimeSpan.FromMinutes(5));

        var refused = await slow.PostAsync(Refresh);

        Assert.Equal("REFRESH_RATE_LIMITED", refused.ErrorCode);
        Assert.Equal(300, refused.FirstError.GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt32());
        Assert.Single(slow.Provider.Calls);
    }

    /// <summary>Polls; the cap only bounds a broken test, it is never an assertion about speed.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for: {what}");
            await Task.Delay(10);
        }
    }
}
