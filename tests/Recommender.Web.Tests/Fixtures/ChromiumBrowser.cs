using Microsoft.Playwright;

namespace Recommender.Web.Tests.Fixtures;

/// <summary>
/// Debian's chromium (<see cref="ExecutablePath"/>) launched headless through Playwright's driver. Playwright never
/// downloads a browser here: the executable path is always given, and the driver is told to skip downloads.
/// <c>scripts/test.sh</c> installs chromium on a fresh machine; outside it, a missing browser skips the browser tests
/// with <see cref="MissingMessage"/> instead of failing them.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    /// <summary><c>RECOMMENDER_CHROMIUM</c>, else <see cref="DefaultExecutablePath"/>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("RECOMMENDER_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultExecutablePath;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static string MissingMessage =>
        $"No chromium at {ExecutablePath}: install it (apt-get install -y chromium; scripts/test.sh does) or set RECOMMENDER_CHROMIUM.";

    public IBrowser Browser { get; }

    /// <summary>Launches the browser, or returns null when it is not installed (see <see cref="MissingMessage"/>).</summary>
    public static async Task<ChromiumBrowser?> TryLaunchAsync()
    {
        if (!IsInstalled)
        {
            return null;
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH", "0");
        // Two cores shared by the service, its solver and chromium: the first calls (JIT, solver warm-up) can take seconds.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // Chromium's own sandbox needs user namespaces, which containers and CI runners (often as root) lack.
                ChromiumSandbox = false,
                Args = ["--disable-dev-shm-usage", "--disable-gpu"],
            });
            return new ChromiumBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
    }
}
