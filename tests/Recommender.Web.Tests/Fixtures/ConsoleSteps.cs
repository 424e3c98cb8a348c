using System.Text.Json;
using Microsoft.Playwright;

namespace Recommender.Web.Tests.Fixtures;

/// <summary>Steps several page tests share: signing in through the sign-in page, and GraphQL calls made from the page.</summary>
public static class ConsoleSteps
{
    /// <summary>Signs in on /signin with a development token for <paramref name="organization"/> (the embedded default's way).</summary>
    public static async Task SignInAsync(ConsolePage page, string organization, string role = "ADMIN", string user = "developer")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        var p = page.Page;
        await p.GetByLabel("Organisation", new() { Exact = true }).FillAsync(organization);
        await p.GetByLabel("Role").SelectOptionAsync(role);
        await p.GetByLabel("User", new() { Exact = true }).FillAsync(user);
        await p.GetByRole(AriaRole.Button, new() { Name = "Sign in with a development token" }).ClickAsync();
        await Assertions.Expect(p.Locator("#signed-in-as")).ToContainTextAsync($"{organization} ({role.ToLowerInvariant()})");
    }

    /// <summary>
    /// Nothing wider than the viewport: wide tables scroll inside their own region, the page never sideways. Waits (up to
    /// Playwright's assertion timeout) for the layout to settle, since charts resize in an animation frame after the
    /// viewport changes; on failure names the elements that overflow outside any scrolling region.
    /// </summary>
    public static async Task AssertFitsTheScreenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth + 1", null, new() { Timeout = 5_000 });
            return;
        }
        catch (TimeoutException)
        {
            // Still too wide: say which elements.
        }

        var wider = await page.EvaluateAsync<string[]>("""
            () => {
              const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
              return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e))
                .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
            }
            """);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.Fail($"page {width} px wide on a {page.ViewportSize?.Width} px screen: " + string.Join("; ", wider));
    }

    /// <summary>POSTs to /graphql from inside the page (same origin) with the page's session token, as the console does.</summary>
    public static async Task<JsonElement> GraphQLAsync(ConsolePage page, string query, object? variables = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = await page.Page.EvaluateAsync<string>("""
            async ([query, variables]) => {
              const headers = { 'Content-Type': 'application/json' };
              const token = sessionStorage.getItem('recommender.token');
              if (token) headers.Authorization = 'Bearer ' + token;
              const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
              return await response.text();
            }
            """, new object?[] { query, variables });
        var json = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(json.TryGetProperty("errors", out var errors), errors.ToString());
        return json.GetProperty("data");
    }

    /// <summary>Stores the emulator's access key as secret <paramref name="name"/> of <paramref name="organization"/>.</summary>
    public static Task<JsonElement> CreateAlibabaSecretAsync(ConsolePage page, string organization, string name = "alibaba") =>
        GraphQLAsync(page, "mutation($org: ID!, $input: SecretInput!) { createSecret(org: $org, input: $input) { id } }", new
        {
            org = organization,
            input = new
            {
                name,
                type = "ALIBABA",
                values = new[]
                {
                    new { field = "ALIBABA_ACCESS_KEY_ID", value = ProvisioningConsoleFixture.AccessKeyId },
                    new { field = "ALIBABA_ACCESS_KEY_SECRET", value = ProvisioningConsoleFixture.AccessKeySecret },
                },
            },
        });
}
