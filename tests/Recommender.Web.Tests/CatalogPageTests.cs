using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;

namespace Recommender.Web.Tests;

/// <summary>The catalog page against the embedded sample catalog: its numbers are the API's, filters and paging included.</summary>
public sealed partial class CatalogPageTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string Types = "query($f: InstanceTypeFilter, $after: String, $first: Int) { instanceTypes(provider: \"alibaba\", " +
        "region: \"cn-hangzhou\", filter: $f, first: $first, after: $after) { totalCount pageInfo { endCursor } nodes { name vcpu onDemandPrice } } }";

    [BrowserFact]
    public async Task The_catalog_lists_the_regions_types_with_their_freshness_and_pages_over_the_cursors()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/?region=cn-hangzhou");
        var rows = page.Page.Locator(".table-wrap tbody tr");
        await Assertions.Expect(rows.First).Not.ToContainTextAsync("Nothing");
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync("instance types match");

        var api = await FixtureTests.GraphQLAsync(page.Page, Types, variables: new { first = 50 });
        var types = api.GetProperty("data").GetProperty("instanceTypes");
        var total = types.GetProperty("totalCount").GetInt32();
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync($"{total} instance types match");
        Assert.Equal(50, await rows.CountAsync());
        var firstName = types.GetProperty("nodes")[0].GetProperty("name").GetString()!;
        await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync(firstName);
        var firstPrice = types.GetProperty("nodes")[0].GetProperty("onDemandPrice").GetDecimal();
        await Assertions.Expect(rows.First).ToContainTextAsync(firstPrice.ToString("0.0000", CultureInfo.InvariantCulture));

        // Freshness: age, source and staleness always shown.
        var freshness = page.Page.Locator("#freshness");
        await Assertions.Expect(freshness).ToContainTextAsync("Data age");
        await Assertions.Expect(freshness.GetByTestId("source")).ToHaveTextAsync("snapshot");
        await Assertions.Expect(freshness.GetByTestId("stale")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator(".chart canvas").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("page1");

        // The next page is the API's page after the first page's end cursor.
        var second = await FixtureTests.GraphQLAsync(page.Page, Types,
            variables: new { first = 50, after = types.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync(
            second.GetProperty("data").GetProperty("instanceTypes").GetProperty("nodes")[0].GetProperty("name").GetString()!);
        await Assertions.Expect(page.Page.Locator(".pager")).ToContainTextAsync("Page 2");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync(firstName);
    }

    [BrowserFact]
    public async Task Filters_are_the_apis_filters_and_the_url_keeps_them()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/?region=cn-hangzhou");
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync("instance types match");

        await page.Page.GetByLabel("vCPU at least").FillAsync("8");
        await page.Page.GetByLabel("vCPU at most").FillAsync("8");
        await page.Page.GetByRole(AriaRole.Checkbox, new() { Name = "ARM" }).CheckAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        var api = await FixtureTests.GraphQLAsync(page.Page, Types,
            variables: new { first = 50, f = new { vcpu = new { min = 8, max = 8 }, architectures = new[] { "ARM" } } });
        var total = api.GetProperty("data").GetProperty("instanceTypes").GetProperty("totalCount").GetInt32();
        Assert.True(total > 0);
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync($"{total} instance types match");
        var vcpus = await page.Page.Locator(".table-wrap tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(total, vcpus.Count);
        Assert.All(vcpus, v => Assert.Equal("8", v.Trim()));
        Assert.Contains("vcpuMin=8", page.Page.Url, StringComparison.Ordinal);
        Assert.Contains("architectures=ARM", page.Page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync();

        // The same URL opened afresh shows the same filtered view.
        await using var again = await fixture.OpenPageAsync();
        await again.GotoAsync(new Uri(page.Page.Url).PathAndQuery);
        await Assertions.Expect(again.Page.Locator("#catalog-count")).ToContainTextAsync($"{total} instance types match");
        await Assertions.Expect(again.Page.GetByLabel("vCPU at least")).ToHaveValueAsync("8");
    }

    [BrowserFact]
    public async Task Sorting_by_on_demand_price_descending_asks_the_api_and_a_bad_range_shows_its_message_at_the_field()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/?region=cn-hangzhou");
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync("instance types match");

        var header = page.Page.GetByRole(AriaRole.Button, new() { Name = "On-demand /h" });
        await header.ClickAsync(); // PRICE is the default ascending order: this click makes it descending
        await Assertions.Expect(page.Page.Locator("th[aria-sort='descending']")).ToContainTextAsync("On-demand");
        await page.Page.WaitForURLAsync(new Regex("dir=DESC"));
        await Assertions.Expect(page.Page.Locator("#catalog-count")).ToContainTextAsync("page 1 shows");
        var prices = (await page.Page.Locator(".table-wrap tbody tr td:nth-child(7)").AllInnerTextsAsync())
            .Select(p => decimal.Parse(p, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(prices.OrderByDescending(p => p).ToList(), prices);

        await page.Page.GetByLabel("vCPU at least").FillAsync("8");
        await page.Page.GetByLabel("vCPU at most").FillAsync("2");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var message = page.Page.Locator("[data-field='f-vcpu-min'] .field-error");
        await Assertions.Expect(message).ToContainTextAsync("must not exceed max");
        await Assertions.Expect(page.Page.GetByLabel("vCPU at least")).ToHaveValueAsync("8");
        await page.ScreenshotAsync();
    }
}
