using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Recommender.Web.Tests;

/// <summary>The sign-in page on the embedded default: a development token, or a pasted one; a refused token is a banner.</summary>
public sealed class SignInPageTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [BrowserFact]
    public async Task A_development_token_signs_in_and_the_header_says_so()
    {
        await using var page = await fixture.OpenPageAsync();

        await ConsoleSteps.SignInAsync(page, "acme", "MEMBER", "erin");
        await page.ScreenshotAsync();

        await Expect(page.Page.Locator("#signed-in-as")).ToContainTextAsync("erin");
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [BrowserFact]
    public async Task A_pasted_token_signs_in_and_a_bad_one_is_a_banner_that_keeps_it()
    {
        await using var page = await fixture.OpenPageAsync(ConsolePage.Phone);
        await page.GotoAsync("/signin");
        var box = page.Page.GetByLabel("Bearer token (JWT)");

        await box.FillAsync("not-a-token");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Use this token" }).ClickAsync();
        await Expect(page.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your token was refused");
        await Expect(box).ToHaveValueAsync("not-a-token");
        await page.ScreenshotAsync("refused");

        await box.FillAsync(fixture.Token("beta", Api.Identity.OrganizationRole.Admin, "pat"));
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Use this token" }).ClickAsync();
        await Expect(page.Page.Locator("#signed-in-as")).ToContainTextAsync("pat");
        await page.ScreenshotAsync();
        await page.AssertAccessibleAsync();
    }
}
