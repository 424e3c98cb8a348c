using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Recommender.Api.Tests.Recommendations;

/// <summary>Queries and an HTTP helper for apps derived from <see cref="ApiFactory"/> with WithWebHostBuilder.</summary>
internal static class RecommendationApi
{
    public const string Fields = """
        id status lowerBound gap solveTimeMs explanation catalogVersion catalogAgeSeconds currency createdAt expiresAt
        layouts {
          hourlyPrice monthlyPrice nodeCount
          pools { instanceTypeName instanceType { name vcpu memoryGiB allocatableVcpu allocatableMemoryGiB } capacityType nodeCount unitPrice hourlyPrice }
          allocatable { vcpu sustainedVcpu memoryGiB gpus } raw { vcpu memoryGiB gpus } aboveRequest { vcpu sustainedVcpu memoryGiB gpus }
        }
        request { provider region cpu memoryGiB gpus minNodes maxNodes onDemandPct sameSize allowBurst allowOlderGen spotDiversity alternatives timeLimitMs maxPools zones largestPod { cpu memoryGiB gpus } }
        """;

    public const string Recommend = $"query($input: LayoutRequest!) {{ recommendLayout(input: $input) {{ {Fields} }} }}";

    public const string Read = $"query($id: ID!) {{ recommendation(id: $id) {{ {Fields} }} }}";

    public static async Task<GraphQLResponse> PostAsync(WebApplicationFactory<Program> app, string query, object? variables = null)
    {
        using var client = app.CreateClient();
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A POST as if from <paramref name="client"/> (the test server's client reports no address of its own).</summary>
    public static async Task<GraphQLResponse> PostFromAsync(WebApplicationFactory<Program> app, IPAddress client, string query, object? variables = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query, variables });
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/graphql";
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(body);
            c.Connection.RemoteIpAddress = client;
        });
        using var reader = new StreamReader(context.Response.Body);
        var contentType = context.Response.ContentType is { } type ? MediaTypeHeaderValue.Parse(type) : null;
        return new GraphQLResponse(context.Response.StatusCode, contentType, await reader.ReadToEndAsync());
    }

    public static Task<GraphQLResponse> RecommendFromAsync(WebApplicationFactory<Program> app, IPAddress client, object input) =>
        PostFromAsync(app, client, Recommend, new { input });

    public static Task<GraphQLResponse> RecommendAsync(WebApplicationFactory<Program> app, object input) =>
        PostAsync(app, Recommend, new { input });

    public static Task<GraphQLResponse> ReadAsync(WebApplicationFactory<Program> app, string id) =>
        PostAsync(app, Read, new { id });

    public static string? ErrorArgument(this GraphQLResponse response) =>
        response.FirstError.GetProperty("extensions").TryGetProperty("argument", out var a) ? a.GetString() : null;
}
