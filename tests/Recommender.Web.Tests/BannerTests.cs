using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;

namespace Recommender.Web.Tests;

/// <summary>An unreachable service, a server error or a refused token: a clear banner, what was typed kept, never a blank page.</summary>
public sealed class BannerTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [BrowserFact]
    public async Task An_unreachable_service_shows_a_banner_and_keeps_the_typed_request()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/recommend");
        await RecommendPageTests.FillAsync(page.Page, "vCPU", "12");
        await RecommendPageTests.FillAsync(page.Page, "Memory GiB", "48");
        await page.Page.RouteAsync("**/graphql", route => route.AbortAsync("connectionrefused"));

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();

        var banner = page.Page.Locator(".banner[role='alert']");
        await Assertions.Expect(banner).ToContainTextAsync("cannot be reached");
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-kind", "network");
        await Assertions.Expect(page.Page.GetByLabel("vCPU", new() { Exact = true })).ToHaveValueAsync("12");
        await Assertions.Expect(page.Page.GetByLabel("Memory GiB", new() { Exact = true })).ToHaveValueAsync("48");
        await page.ScreenshotAsync();

        // Back online: "Try again" solves the kept request.
        await page.Page.UnrouteAsync("**/graphql");
        await banner.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Assertions.Expect(page.Page.GetByTestId("layout-card").First).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_server_error_shows_a_banner_and_keeps_the_filters()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/?region=cn-hangzhou");
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync("instance types match");
        await page.Page.RouteAsync("**/graphql", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 500,
            ContentType = "application/json",
            Body = """{"errors":[{"message":"Internal error. Reference 42.","extensions":{"code":"INTERNAL"}}]}""",
        }));

        await page.Page.GetByLabel("vCPU at least").FillAsync("4");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        var banner = page.Page.Locator(".banner[role='alert']");
        await Assertions.Expect(banner).ToContainTextAsync("The service failed (500)");
        await Assertions.Expect(banner).ToContainTextAsync("Internal error. Reference 42.");
        await Assertions.Expect(page.Page.GetByLabel("vCPU at least")).ToHaveValueAsync("4");
        await Assertions.Expect(page.Page.Locator("h1")).ToHaveTextAsync("Catalog");
        await page.ScreenshotAsync();
    }

    [BrowserFact]
    public async Task An_expired_or_bad_token_shows_a_banner_with_sign_in_not_a_blank_page()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.Page.AddInitScriptAsync("sessionStorage.setItem('recommender.token', 'not-a-valid-token')");
        await page.GotoAsync("/?region=cn-hangzhou");

        var banner = page.Page.Locator(".banner[role='alert']");
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-kind", "unauthenticated");
        await Assertions.Expect(banner).ToContainTextAsync("Your token was refused");
        await Assertions.Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("h1")).ToHaveTextAsync("Catalog");
        await page.ScreenshotAsync();

        // Signing out (dropping the token) and retrying works anonymously.
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await banner.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync("instance types match");
    }
}
