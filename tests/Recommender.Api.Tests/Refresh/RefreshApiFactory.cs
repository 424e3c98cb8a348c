using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Recommender.Core.Cloud;

namespace Recommender.Api.Tests.Refresh;

/// <summary>
/// The real app on the embedded sample with the scrapers running over <see cref="FakeCloudProvider"/>. Every scheduled
/// job is set to fire in 2099, so only the tests' mutations refresh anything.
/// </summary>
public sealed class RefreshApiFactory : WebApplicationFactory<Program>
{
    private const string Never = "0 0 0 1 1 ? 2099";

    public FakeCloudProvider Provider { get; } = new();

    /// <summary>When set, the app's clock (rate limits, staleness, timeouts); the system clock otherwise.</summary>
    public FakeTimeProvider? Time { get; init; }

    public Dictionary<string, string?> Settings { get; } = new()
    {
        // Quartz keeps schedulers in a process-wide registry by name: each app needs its own.
        ["Scrapers:Quartz:InstanceName"] = $"refresh-tests-{Guid.NewGuid():N}",
        ["Scrapers:Cadence:Full"] = Never,
        ["Scrapers:Cadence:OnDemandPrices"] = Never,
        ["Scrapers:Cadence:SpotPricesAndStock"] = Never,
        ["Scrapers:Cadence:Regions"] = Never,
        ["Scrapers:MaxJitter"] = "00:00:00",
        // The sample is weeks old: only the scrapers' view of staleness counts in these tests.
        ["Catalog:StaleAfter"] = "3650.00:00:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Replace, not add: once the real Alibaba provider is wired, it must not answer for "alibaba" here.
            services.RemoveAll<ICloudProvider>();
            services.RemoveAll<ICredentialSource>();
            services.AddSingleton<ICloudProvider>(Provider);
            services.AddSingleton<ICredentialSource, FakeCredentialSource>();
            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }
        });
    }

    public Task<GraphQLResponse> PostAsync(string query) => SendAsync(HttpMethod.Post, "/graphql", Json(query));

    public async Task<GraphQLResponse> SendAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = Identity.TestTokens.Bearer(Identity.TestTokens.Operator); // refreshCatalog is for operators
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType, text);
    }

    private static StringContent Json(string query) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");
}
