using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Recommender.Web.Tests.Fixtures;

namespace Recommender.Web.Tests;

/// <summary>
/// issueDevelopmentToken on the embedded default over a real loopback socket: issued, and accepted by the same service.
/// The refusals (Production, a configured key, another address, a proxy) are in Recommender.Api.Tests.
/// </summary>
public sealed class DevelopmentSignInTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task On_loopback_the_embedded_default_issues_a_token_it_then_accepts()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };

        var issued = await PostAsync(client, "mutation { issueDevelopmentToken(org: \"acme\", role: MEMBER, user: \"erin\") { token subject organization role expiresAt } }");
        var token = issued.GetProperty("data").GetProperty("issueDevelopmentToken").GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var viewer = await PostAsync(client, "{ viewer { subject organizations { organization role } } }");

        Assert.Equal("MEMBER", issued.GetProperty("data").GetProperty("issueDevelopmentToken").GetProperty("role").GetString());
        Assert.Equal("erin", viewer.GetProperty("data").GetProperty("viewer").GetProperty("subject").GetString());
        Assert.Equal("""[{"organization":"acme","role":"MEMBER"}]""", viewer.GetProperty("data").GetProperty("viewer").GetProperty("organizations").GetRawText());
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync(new Uri("graphql", UriKind.Relative), new { query });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var json = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(json.TryGetProperty("errors", out _), text);
        return json;
    }
}
