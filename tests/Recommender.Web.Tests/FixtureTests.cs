using System.Text.Json;
using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;

namespace Recommender.Web.Tests;

/// <summary>The fixture itself: chromium reaches the real service on loopback, and a development token is accepted.</summary>
public sealed class FixtureTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [BrowserFact]
    public async Task Chromium_reaches_the_service_on_loopback()
    {
        await using var page = await fixture.OpenPageAsync();

        var response = await page.GotoAsync("/healthz");
        await page.ScreenshotAsync();

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.True(fixture.BaseAddress.IsLoopback, fixture.BaseAddress.ToString());
    }

    [BrowserFact]
    public async Task A_development_token_signed_for_the_host_is_accepted()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/healthz");

        var answer = await GraphQLAsync(page.Page, "{ viewer { subject organizations { organization role } } }", fixture.Token("acme"));

        Assert.Equal("developer", answer.GetProperty("data").GetProperty("viewer").GetProperty("subject").GetString());
    }

    /// <summary>POSTs to /graphql from inside the page (same origin), as the console does.</summary>
    internal static async Task<JsonElement> GraphQLAsync(IPage page, string query, string? token = null, object? variables = null)
    {
        var text = await page.EvaluateAsync<string>("""
            async ([query, token, variables]) => {
              const headers = { 'Content-Type': 'application/json' };
              if (token) headers.Authorization = 'Bearer ' + token;
              const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
              return await response.text();
            }
            """, new object?[] { query, token, variables });
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
