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
