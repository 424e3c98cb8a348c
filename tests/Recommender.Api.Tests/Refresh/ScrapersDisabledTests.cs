using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Recommender.Core.Cloud;

namespace Recommender.Api.Tests.Refresh;

/// <summary>The real Program with its default configuration: no provider or no credentials, so no scraping.</summary>
public sealed class ScrapersDisabledTests : IDisposable
{
    private readonly WebApplicationFactory<Program> app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_service_starts_on_the_sample_and_reports_why_the_scrapers_are_off()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Identity.TestTokens.Bearer(Identity.TestTokens.Operator);

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var status = await CatalogStatusAsync(client);

        Assert.Equal(200, (int)ready.StatusCode);
        var scrapers = status.GetProperty("scrapers");
        Assert.Equal("DISABLED", scrapers.GetProperty("mode").GetString());
        Assert.StartsWith("scrapers disabled: ", scrapers.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("memory", scrapers.GetProperty("jobStore").GetString());
        Assert.Equal(JsonValueKind.Null, scrapers.GetProperty("schedulerInstanceId").ValueKind);
        Assert.NotEmpty(status.GetProperty("regions").EnumerateArray());
        Assert.All(status.GetProperty("regions").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("refresh").GetArrayLength()));
    }

    [Fact]
    public async Task Refreshing_while_disabled_is_SCRAPERS_DISABLED_with_the_reason()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Identity.TestTokens.Bearer(Identity.TestTokens.Operator);
        var reason = (await CatalogStatusAsync(client)).GetProperty("scrapers").GetProperty("reason").GetString();

        var r = await PostAsync(client, """mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { region } }""");

        Assert.Equal("SCRAPERS_DISABLED", r.ErrorCode);
        Assert.Equal(reason, r.FirstError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_provider_without_credentials_leaves_the_scrapers_off()
    {
        var provider = new FakeCloudProvider();
        using var withProvider = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<ICloudProvider>();
            s.RemoveAll<ICredentialSource>();
            s.AddSingleton<ICloudProvider>(provider);
            s.AddSingleton<ICredentialSource, NoCredentials>();
        }));
        using var client = withProvider.CreateClient();
        client.DefaultRequestHeaders.Authorization = Identity.TestTokens.Bearer(Identity.TestTokens.Operator);

        var scrapers = (await CatalogStatusAsync(client)).GetProperty("scrapers");
        var r = await PostAsync(client, """mutation { refreshCatalog(provider: "alibaba", region: "cn-hangzhou") { region } }""");

        Assert.Equal("DISABLED", scrapers.GetProperty("mode").GetString());
        Assert.Equal("scrapers disabled: no credentials for account 'alibaba'", scrapers.GetProperty("reason").GetString());
        Assert.Equal("SCRAPERS_DISABLED", r.ErrorCode);
        Assert.Empty(provider.Calls);
    }

    private static async Task<JsonElement> CatalogStatusAsync(HttpClient client)
    {
        var r = await PostAsync(client, "{ catalogStatus { scrapers { mode reason jobStore schedulerInstanceId } regions { region refresh { kind } } } }");
        Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), r.ToString());
        return r.Data.GetProperty("catalogStatus");
    }

    private static async Task<GraphQLResponse> PostAsync(HttpClient client, string query)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType, await response.Content.ReadAsStringAsync());
    }

    private sealed class NoCredentials : ICredentialSource
    {
        public Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct) => Task.FromResult<CloudCredentials?>(null);
    }
}
