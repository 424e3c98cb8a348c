using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Recommender.Web.Tests.Fixtures;

/// <summary>
/// One browser context and page against a running service: a laptop (1366×768) or phone (390×844) viewport, every
/// console message and failed request kept for the failure message, screenshots saved under
/// <see cref="Screenshots.Directory"/>, and axe-core run on demand.
/// </summary>
public sealed class ConsolePage : IAsyncDisposable
{
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IBrowserContext context;
    private readonly string testName;
    private readonly List<string> console = [];

    private ConsolePage(IBrowserContext context, IPage page, Uri baseAddress, string testName)
    {
        this.context = context;
        Page = page;
        BaseAddress = baseAddress;
        this.testName = testName;
        page.Console += (_, message) => Log($"console.{message.Type}: {message.Text}");
        page.PageError += (_, error) => Log($"page error: {error}");
        page.RequestFailed += (_, request) => Log($"request failed: {request.Method} {request.Url} ({request.Failure})");
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    /// <summary>What the page wrote to its console, its uncaught errors and failed requests, oldest first.</summary>
    public IReadOnlyList<string> ConsoleLog
    {
        get
        {
            lock (console)
            {
                return [.. console];
            }
        }
    }

    /// <summary>A fresh context (no storage shared with other tests) at <paramref name="viewport"/>; nothing is loaded yet.</summary>
    public static async Task<ConsolePage> OpenAsync(IBrowser browser, Uri baseAddress, string testName, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? Laptop,
            AcceptDownloads = true,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new ConsolePage(context, page, baseAddress, testName);
    }

    /// <summary>
    /// Opens <paramref name="path"/> (relative to the service's root) and waits until the network is idle, or until
    /// <paramref name="waitUntil"/> (GraphiQL's editor keeps fetching its workers and the schema: wait for its load and
    /// then for what the test needs on the page).
    /// </summary>
    public async Task<IResponse?> GotoAsync(string path = "/", WaitUntilState waitUntil = WaitUntilState.NetworkIdle)
    {
        return await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = waitUntil });
    }

    /// <summary>Saves a full-page PNG as <c>{test}[-{step}].png</c> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string? step = null)
    {
        var path = Screenshots.PathFor(step is null ? testName : $"{testName}-{step}");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Runs axe-core on the page and fails with every serious or critical violation (rule, help, elements).</summary>
    public async Task AssertAccessibleAsync(string? step = null)
    {
        var result = await Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count == 0)
        {
            return;
        }

        var screenshot = await ScreenshotAsync(step is null ? "axe" : $"{step}-axe");
        var report = new StringBuilder($"axe-core found {serious.Count} serious or critical violation(s) (screenshot {screenshot}):\n");
        foreach (var violation in serious)
        {
            report.Append(CultureInfoInvariant($"- {violation.Id} ({violation.Impact}): {violation.Help}\n"));
            foreach (var node in violation.Nodes.Take(5))
            {
                report.Append(CultureInfoInvariant($"    {node.Target}: {node.Html}\n"));
            }
        }

        Assert.Fail(report.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private void Log(string line)
    {
        lock (console)
        {
            console.Add(line);
        }
    }
}
