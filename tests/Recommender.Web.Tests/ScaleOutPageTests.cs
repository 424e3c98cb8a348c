using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Recommender.Web.Tests;

/// <summary>Scale-out on the embedded default: result cards, the chart and the decision log; failures keep the form.</summary>
public sealed class ScaleOutPageTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [BrowserFact]
    public async Task A_scale_out_answers_with_cards_and_a_chart_and_its_consultation_appears_in_the_log()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/scale-out");
        var p = page.Page;
        await FillAsync(p, "web-scale");
        await Expect(p.GetByText("No consultations for this cluster yet.")).ToBeVisibleAsync();

        await p.GetByRole(AriaRole.Button, new() { Name = "Recommend a scale-out" }).ClickAsync();

        await Expect(p.Locator("[data-plan='0']")).ToContainTextAsync("Best: +");
        await Expect(p.Locator("#so-result canvas")).ToBeVisibleAsync();
        await Expect(p.Locator("tr[data-consultation]")).ToHaveCountAsync(1);
        await Expect(p.Locator("tr[data-consultation]")).ToContainTextAsync("scale-out");
        await page.ScreenshotAsync();
        await page.AssertAccessibleAsync();
    }

    [BrowserFact]
    public async Task On_a_phone_the_form_and_the_answer_fit_the_screen()
    {
        await using var page = await fixture.OpenPageAsync(ConsolePage.Phone);
        await page.GotoAsync("/scale-out");
        await FillAsync(page.Page, "web-phone");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Recommend a scale-out" }).ClickAsync();
        await Expect(page.Page.Locator("[data-plan='0']")).ToBeVisibleAsync();

        var overflow = await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        await page.ScreenshotAsync();
        await page.AssertAccessibleAsync();

        Assert.False(overflow, "The page scrolls sideways at a phone's width.");
    }

    [BrowserFact]
    public async Task An_unreachable_server_a_server_error_and_an_expired_token_are_banners_that_keep_the_form()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/scale-out");
        var p = page.Page;
        await FillAsync(p, "web-failures");
        var submit = p.GetByRole(AriaRole.Button, new() { Name = "Recommend a scale-out" });
        var banner = p.Locator(".banner[role='alert']").First;

        await p.RouteAsync("**/graphql", route => route.AbortAsync("connectionrefused"));
        await submit.ClickAsync();
        await Expect(banner).ToContainTextAsync("cannot be reached");
        await page.ScreenshotAsync("unreachable");

        await p.UnrouteAllAsync();
        await p.RouteAsync("**/graphql", route => route.FulfillAsync(new() { Status = 500, ContentType = "text/plain", Body = "boom" }));
        await submit.ClickAsync();
        await Expect(banner).ToContainTextAsync("The service failed (500)");
        await page.ScreenshotAsync("server-error");

        await p.UnrouteAllAsync();
        await p.EvaluateAsync("t => sessionStorage.setItem('recommender.token', t)", DevTokens.Expired(fixture.Host, "acme"));
        await submit.ClickAsync();
        await Expect(banner).ToContainTextAsync("Your token was refused");
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("expired");
        await page.AssertAccessibleAsync("expired");

        await Expect(p.GetByLabel("Cluster label")).ToHaveValueAsync("web-failures");
        await Expect(p.GetByLabel("Extra vCPU")).ToHaveValueAsync("6");
        await Expect(p.GetByLabel("Pool 1 instance type")).ToHaveValueAsync("ecs.g7.xlarge");
    }

    private static async Task FillAsync(IPage p, string cluster)
    {
        await p.GetByLabel("Region").SelectOptionAsync("cn-hangzhou");
        await p.GetByLabel("Cluster label").FillAsync(cluster);
        await p.GetByLabel("Extra vCPU").FillAsync("6");
        await p.GetByLabel("Extra memory (GiB)").FillAsync("24");
        await p.GetByLabel("Pool 1 instance type").FillAsync("ecs.g7.xlarge");
        await p.GetByLabel("Nodes").FillAsync("3");
    }
}
