using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;
using Xunit.Abstractions;

namespace Recommender.Web.Tests;

/// <summary>
/// Measures, never asserts on time: the gzip size of what the browser loads for the console and for GraphiQL, the time to
/// the catalog's first render and to a recommendation's cards, in headless chromium against the service on loopback.
/// Printed to the test output and written to TestResults/console-measurements.txt.
/// </summary>
public sealed class ConsoleMeasurements(ConsoleFixture fixture, ITestOutputHelper output) : IClassFixture<ConsoleFixture>
{
    private const int Runs = 5;

    [BrowserFact]
    public async Task Bundle_sizes_and_render_times()
    {
        var report = new StringBuilder();
        void Line(string text)
        {
            report.AppendLine(text);
            output.WriteLine(text);
        }

        Line($"Console measurements, headless chromium {fixture.Browser.Version}, service on {fixture.BaseAddress} ({DateTime.UtcNow:u})");
        var console = await LoadedBytesAsync("/?region=cn-hangzhou", async p =>
        {
            await Assertions.Expect(p.Locator("#catalog-count")).ToContainTextAsync("instance types match");
            await p.GetByRole(AriaRole.Link, new() { Name = "Recommend", Exact = true }).ClickAsync();
            await Assertions.Expect(p.Locator("h1")).ToContainTextAsync("Recommend");
        });
        Line(Sizes("console (catalog + recommend pages)", console));
        var graphiql = await LoadedBytesAsync("/graphql/ui", async p =>
        {
            await Assertions.Expect(p.Locator(".graphiql-container")).ToBeVisibleAsync();
            await p.WaitForTimeoutAsync(1500); // Monaco's workers start after the first paint
        });
        Line(Sizes("GraphiQL", graphiql));

        var firstRender = new List<double>();
        var cards = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            await using var page = await fixture.OpenPageAsync();
            await page.GotoAsync("/?region=cn-hangzhou");
            firstRender.Add(await page.Page.EvaluateAsync<double>(WaitForMark, "console:catalog-rendered"));

            await page.Page.GetByRole(AriaRole.Link, new() { Name = "Recommend", Exact = true }).ClickAsync();
            await RecommendPageTests.FillAsync(page.Page, "vCPU", "10");
            await RecommendPageTests.FillAsync(page.Page, "Memory GiB", "40");
            var started = await page.Page.EvaluateAsync<double>("() => { performance.clearMarks('console:cards-rendered'); return performance.now(); }");
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
            await Assertions.Expect(page.Page.GetByTestId("layout-card").First).ToBeVisibleAsync();
            // The mark is set after the cards are painted, which may be a frame after they became visible.
            var shown = await page.Page.EvaluateAsync<double>(WaitForMark, "console:cards-rendered");
            cards.Add(shown - started);
        }

        Line($"catalog first render (navigation start to the first rows), ms over {Runs} cold loads: {Stats(firstRender)}");
        Line($"recommend: Recommend pressed to the cards on screen, ms over {Runs} runs: {Stats(cards)}");
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(Screenshots.Directory)!, "console-measurements.txt"), report.ToString());
    }

    /// <summary>The start time of the latest performance mark of that name, once the page has set it.</summary>
    private const string WaitForMark = """
        name => new Promise(resolve => {
          const find = () => performance.getEntriesByName(name).at(-1);
          const wait = () => find() ? resolve(find().startTime) : setTimeout(wait, 10);
          wait();
        })
        """;

    /// <summary>Every same-origin file the page loads (not /graphql calls), raw and gzip -9 sizes.</summary>
    private async Task<List<(string Url, long Raw, long Gzip)>> LoadedBytesAsync(string path, Func<IPage, Task> until)
    {
        await using var page = await fixture.OpenPageAsync();
        var responses = new List<IResponse>();
        page.Page.Context.Response += (_, r) =>
        {
            lock (responses)
            {
                responses.Add(r);
            }
        };
        await page.GotoAsync(path);
        await until(page.Page);
        List<IResponse> files;
        lock (responses)
        {
            files = [.. responses.Where(r => r.Url.StartsWith(fixture.BaseAddress.ToString(), StringComparison.Ordinal) && !r.Url.Contains("/graphql?", StringComparison.Ordinal)
                && !r.Url.EndsWith("/graphql", StringComparison.Ordinal) && r.Status == 200)];
        }

        // Bodies fetched again over HTTP: a worker's response body is not available through the page.
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var sizes = new List<(string, long, long)>();
        foreach (var r in files.DistinctBy(r => r.Url))
        {
            var body = await http.GetByteArrayAsync(new Uri(r.Url));
            using var gz = new MemoryStream();
            await using (var zip = new GZipStream(gz, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                await zip.WriteAsync(body);
            }

            sizes.Add((new Uri(r.Url).AbsolutePath, body.LongLength, gz.Length));
        }

        return sizes;
    }

    private static string Sizes(string what, List<(string Url, long Raw, long Gzip)> files) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{what}: {files.Count} files, {files.Sum(f => f.Raw) / 1024.0:0.0} KiB raw, {files.Sum(f => f.Gzip) / 1024.0:0.0} KiB gzip" +
            $" ({string.Join(", ", files.OrderByDescending(f => f.Gzip).Take(6).Select(f => $"{f.Url} {f.Gzip / 1024.0:0.0}"))})");

    private static string Stats(List<double> ms)
    {
        var sorted = ms.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"median {sorted[sorted.Count / 2]:0}, min {sorted[0]:0}, max {sorted[^1]:0} ({string.Join(", ", ms.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))})");
    }
}
