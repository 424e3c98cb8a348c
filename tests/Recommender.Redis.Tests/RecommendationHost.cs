using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Api.Recommendations;
using Recommender.Core.Recommendations;
using Recommender.Testing.Stores;

namespace Recommender.Redis.Tests;

/// <summary>
/// The whole service over HTTP with Redis as its stores (catalog and recommendations, one connection), a catalog file
/// with region cn-hangzhou, and <see cref="FixedRecommender"/> in place of CP-SAT.
/// </summary>
public sealed class RecommendationHost : WebApplicationFactory<Program>
{
    public const string Region = "cn-hangzhou";

    private readonly Dictionary<string, string?> settings;

    /// <param name="redisConfiguration">
    /// StackExchange.Redis connection string; pass one without timeouts to keep the client's multi-second defaults,
    /// which the recommendation store must not wait for.
    /// </param>
    public RecommendationHost(string redisConfiguration, string directory, IDictionary<string, string?>? extra = null)
    {
        var prefix = RedisServerFixture.UniquePrefix();
        RecommendationPrefix = prefix + "recommendation:";
        settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redisConfiguration,
            ["Redis:KeyPrefix"] = prefix + "catalog:",
            ["Recommendations:RedisKeyPrefix"] = RecommendationPrefix,
            ["Catalog:File"] = CatalogHosts.WriteSnapshot(directory, TestCatalogs.Document(TestCatalogs.Region(Region, 1, typeCount: 4))),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public string RecommendationPrefix { get; }

    public ResilientRecommendationStore Store => Services.GetRequiredService<ResilientRecommendationStore>();

    public Task<JsonElement> RecommendAsync() =>
        PostAsync($$"""{ recommendLayout(input: { region: "{{Region}}", cpu: 1 }) { id status } }""");

    public Task<JsonElement> ReadAsync(string id) =>
        PostAsync("query($id: ID!) { recommendation(id: $id) { id status } }", new { id });

    public async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        using var client = CreateClient();
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public async Task<(int Status, JsonElement Body)> ReadyzAsync()
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s => s.AddSingleton<IRecommender>(new FixedRecommender()));
    }
}
