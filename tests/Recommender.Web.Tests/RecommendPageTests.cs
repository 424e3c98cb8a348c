using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;
using Xunit.Abstractions;

namespace Recommender.Web.Tests;

/// <summary>The recommend page: the cards and the chart show the server's answer, bad input is shown at its field.</summary>
public sealed class RecommendPageTests(ConsoleFixture fixture, ITestOutputHelper output) : IClassFixture<ConsoleFixture>
{
    /// <summary>The server's current state of a recommendation, read from the page's origin.</summary>
    private const string ReadAgain = """
        id => fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query($id: ID!) { recommendation(id: $id) { status proof provenAt layouts { hourlyPrice } } }', variables: { id } }),
        }).then(r => r.text())
        """;

    [BrowserFact]
    public async Task A_request_shows_the_servers_layouts_as_cards_and_in_the_chart()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/recommend");
        await FillAsync(page.Page, "vCPU", "10");
        await FillAsync(page.Page, "Memory GiB", "40");
        await FillAsync(page.Page, "Minimum nodes", "3");
        await FillAsync(page.Page, "On-demand share %", "50");
        await FillAsync(page.Page, "Layouts to return", "2");
        // The final answer at once, so the cards cannot change under the comparison (the proving path is its own test).
        await page.Page.GetByLabel("Wait for the final answer", new() { Exact = false }).CheckAsync();

        var answer = await SubmitAsync(page.Page);
        var rec = answer.GetProperty("data").GetProperty("recommendLayout");
        Assert.Equal("DONE", rec.GetProperty("proof").GetString());
        await Assertions.Expect(page.Page.GetByTestId("proving")).ToHaveCountAsync(0);
        var layouts = rec.GetProperty("layouts").EnumerateArray().ToList();
        Assert.NotEmpty(layouts);
        var cards = page.Page.GetByTestId("layout-card");
        await Assertions.Expect(cards).ToHaveCountAsync(layouts.Count);
        for (var i = 0; i < layouts.Count; i++)
        {
            var layout = layouts[i];
            var card = cards.Nth(i);
            await Assertions.Expect(card.GetByTestId("hourly")).ToHaveTextAsync($"{Money(layout.GetProperty("hourlyPrice"), 4)} USD");
            await Assertions.Expect(card.GetByTestId("nodes")).ToHaveTextAsync(layout.GetProperty("nodeCount").GetInt32().ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(card.GetByTestId("status")).ToContainTextAsync(rec.GetProperty("status").GetString() == "OPTIMAL" ? "Optimal" : "");
            var pools = layout.GetProperty("pools").EnumerateArray().ToList();
            await Assertions.Expect(card.GetByTestId("pool")).ToHaveCountAsync(pools.Count);
            for (var p = 0; p < pools.Count; p++)
            {
                var row = card.GetByTestId("pool").Nth(p);
                await Assertions.Expect(row).ToContainTextAsync(pools[p].GetProperty("instanceTypeName").GetString()!);
                await Assertions.Expect(row).ToContainTextAsync(Money(pools[p].GetProperty("hourlyPrice"), 4));
            }

            var onDemand = pools.Where(p => p.GetProperty("capacityType").GetString() == "ON_DEMAND").Sum(p => p.GetProperty("nodeCount").GetInt32());
            var spot = pools.Where(p => p.GetProperty("capacityType").GetString() == "SPOT").Sum(p => p.GetProperty("nodeCount").GetInt32());
            await Assertions.Expect(card.GetByTestId("split")).ToContainTextAsync($"{onDemand} / {spot} nodes");
        }

        await Assertions.Expect(cards.First.GetByTestId("gap")).ToHaveTextAsync(
            rec.GetProperty("gap").ValueKind == JsonValueKind.Null ? "unknown" : $"{(rec.GetProperty("gap").GetDouble() * 100).ToString("0.00", CultureInfo.InvariantCulture)} %");

        // The chart: one bar per layout plus the baseline, its figures listed beside it.
        var figures = page.Page.GetByTestId("chart-figures");
        foreach (var layout in layouts)
        {
            await Assertions.Expect(figures).ToContainTextAsync($"{Money(layout.GetProperty("hourlyPrice"), 4)} USD");
        }

        await Assertions.Expect(page.Page.GetByTestId("baseline")).ToContainTextAsync("Single-type baseline");
        await Assertions.Expect(page.Page.Locator(".results canvas")).ToBeVisibleAsync();
        var bars = await page.Page.EvaluateAsync<int>(
            "() => { const c = document.querySelector('.results canvas'); return c && c.getAttribute('aria-label') ? 1 : 0; }");
        Assert.Equal(1, bars);
        Assert.Contains("cpu=10", page.Page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync();

        // Phone width: the same cards, nothing wider than the screen.
        await page.Page.SetViewportSizeAsync(ConsolePage.Phone.Width, ConsolePage.Phone.Height);
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        await ConsoleSteps.AssertFitsTheScreenAsync(page.Page);
        await page.ScreenshotAsync("phone");
    }

    [BrowserFact]
    public async Task An_answer_given_before_its_proof_updates_its_cards_when_the_background_proves_it()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/recommend");
        await FillAsync(page.Page, "vCPU", "200");
        await FillAsync(page.Page, "Memory GiB", "700");
        await FillAsync(page.Page, "On-demand share %", "30");
        await FillAsync(page.Page, "Spot diversity", "2");
        await FillAsync(page.Page, "Layouts to return", "2");
        await FillAsync(page.Page, "Time limit ms", "1");

        var answer = (await SubmitAsync(page.Page)).GetProperty("data").GetProperty("recommendLayout");
        Assert.Equal("PROVING", answer.GetProperty("proof").GetString());
        Assert.NotEqual("OPTIMAL", answer.GetProperty("status").GetString());
        // The page follows the proof to its end (Solver:TimeLimit, 10 s by default; longer waits cover a loaded machine).
        await Assertions.Expect(page.Page.GetByTestId("proving")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
        var read = await page.Page.EvaluateAsync<string>(ReadAgain, answer.GetProperty("id").GetString());
        var rec = JsonDocument.Parse(read).RootElement.GetProperty("data").GetProperty("recommendation");
        Assert.Equal("DONE", rec.GetProperty("proof").GetString());

        // The page shows the server's final answer: status, price, and what changed since the first answer. Idle, the
        // proof finishes well inside the limit (OPTIMAL, provenAt); a starved machine may end the limit unproven, and
        // then the page must say so, not claim a proof.
        var best = rec.GetProperty("layouts")[0].GetProperty("hourlyPrice").GetDecimal();
        Assert.True(answer.GetProperty("layouts").GetArrayLength() == 0 || best <= answer.GetProperty("layouts")[0].GetProperty("hourlyPrice").GetDecimal());
        var card = page.Page.GetByTestId("layout-card").First;
        await Assertions.Expect(card.GetByTestId("hourly")).ToHaveTextAsync($"{Money(rec.GetProperty("layouts")[0].GetProperty("hourlyPrice"), 4)} USD");
        if (rec.GetProperty("status").GetString() == "OPTIMAL")
        {
            Assert.NotEqual(JsonValueKind.Null, rec.GetProperty("provenAt").ValueKind);
            await Assertions.Expect(card.GetByTestId("status")).ToContainTextAsync("Optimal");
            await Assertions.Expect(page.Page.GetByTestId("proven-at")).ToBeVisibleAsync();
            await Assertions.Expect(page.Page.GetByTestId("improvements")).ToContainTextAsync("OPTIMAL");
        }
        else
        {
            output.WriteLine($"the proof ran out of its limit unproven (status {rec.GetProperty("status").GetString()}): the machine was too loaded to check provenAt");
            Assert.Equal(JsonValueKind.Null, rec.GetProperty("provenAt").ValueKind);
            await Assertions.Expect(card.GetByTestId("status")).Not.ToContainTextAsync("Optimal");
            await Assertions.Expect(page.Page.GetByTestId("proven-at")).ToHaveCountAsync(0);
        }

        await page.ScreenshotAsync();
    }

    [BrowserFact]
    public async Task A_bad_request_shows_the_servers_message_at_its_field_and_keeps_the_input()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/recommend");
        await FillAsync(page.Page, "Minimum nodes", "6");
        await FillAsync(page.Page, "Maximum nodes", "2");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();

        var message = page.Page.Locator("[data-field='r-minNodes'] .field-error");
        await Assertions.Expect(message).ToContainTextAsync("minNodes (6) is above maxNodes (2)");
        await Assertions.Expect(page.Page.GetByLabel("Minimum nodes", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Page.GetByLabel("Minimum nodes", new() { Exact = true })).ToHaveValueAsync("6");
        await Assertions.Expect(page.Page.GetByLabel("Maximum nodes", new() { Exact = true })).ToHaveValueAsync("2");
        await Assertions.Expect(page.Page.GetByTestId("layout-card")).ToHaveCountAsync(0);
        await page.ScreenshotAsync();

        // A nested field: the largest pod's vCPU.
        await FillAsync(page.Page, "Minimum nodes", "1");
        await FillAsync(page.Page, "Maximum nodes", "5000");
        await FillAsync(page.Page, "Largest pod vCPU", "-1");
        await FillAsync(page.Page, "Largest pod memory GiB", "1");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("[data-field='r-podCpu'] .field-error")).ToContainTextAsync("non-negative");
        await Assertions.Expect(page.Page.Locator("[data-field='r-minNodes'] .field-error")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task The_url_of_a_request_reproduces_it()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/recommend?cpu=4&memoryGiB=8&minNodes=2&architectures=X86");

        await Assertions.Expect(page.Page.GetByTestId("layout-card").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.GetByLabel("vCPU", new() { Exact = true })).ToHaveValueAsync("4");
        await Assertions.Expect(page.Page.GetByLabel("Memory GiB", new() { Exact = true })).ToHaveValueAsync("8");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Checkbox, new() { Name = "x86" })).ToBeCheckedAsync();
        var link = await page.Page.GetByTestId("request-link").GetAttributeAsync("href");
        Assert.Contains("cpu=4", link, StringComparison.Ordinal);
        Assert.Contains("architectures=X86", link, StringComparison.Ordinal);
    }

    internal static Task FillAsync(IPage page, string label, string value) =>
        page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    /// <summary>Presses Recommend and returns the server's answer to the page's recommendLayout call.</summary>
    internal static async Task<JsonElement> SubmitAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync(),
            r => r.Url.EndsWith("/graphql", StringComparison.Ordinal) && (r.Request.PostData ?? "").Contains("RecommendLayout", StringComparison.Ordinal));
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private static string Money(JsonElement value, int decimals) =>
        value.GetDecimal().ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
