using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;

namespace Recommender.Web.Tests;

/// <summary>axe-core finds no serious or critical violation on the catalog and recommend pages, at a laptop's and a phone's width.</summary>
public sealed class AccessibilityTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    public static TheoryData<string> Viewports => ["laptop", "phone"];

    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task The_catalog_page_is_accessible(string viewport)
    {
        await using var page = await fixture.OpenPageAsync(Size(viewport));
        await page.GotoAsync("/?region=cn-hangzhou");
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync("instance types match");
        await page.AssertAccessibleAsync(viewport);
        await page.ScreenshotAsync(viewport);
        await ConsoleSteps.AssertFitsTheScreenAsync(page.Page);
    }

    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task The_recommend_page_with_cards_and_with_a_field_error_is_accessible(string viewport)
    {
        await using var page = await fixture.OpenPageAsync(Size(viewport));
        await page.GotoAsync("/recommend?cpu=10&memoryGiB=40&minNodes=3&alternatives=2");
        await Assertions.Expect(page.Page.GetByTestId("layout-card").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync($"{viewport}-cards");
        await page.ScreenshotAsync($"{viewport}-cards");
        await ConsoleSteps.AssertFitsTheScreenAsync(page.Page);

        await RecommendPageTests.FillAsync(page.Page, "Minimum nodes", "0");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("[data-field='r-minNodes'] .field-error")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync($"{viewport}-error");
    }

    [BrowserFact]
    public async Task The_keyboard_reaches_the_nav_the_filters_and_the_table()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/?region=cn-hangzhou");
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync("instance types match");

        await page.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        await page.Page.Keyboard.PressAsync("Enter");
        var focused = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            await page.Page.Keyboard.PressAsync("Tab");
            focused.Add(await page.Page.EvaluateAsync<string>("() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''"));
        }

        Assert.Contains("provider", focused);
        Assert.Contains("f-vcpu-min", focused);
        Assert.Contains(focused, f => f.StartsWith("Apply filters", StringComparison.Ordinal));
        Assert.Contains(focused, f => f.StartsWith("Instance type", StringComparison.Ordinal));
    }

    private static ViewportSize Size(string viewport) => viewport == "phone" ? ConsolePage.Phone : ConsolePage.Laptop;
}
