using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Recommender.Api.Identity;

namespace Recommender.Web.Tests.Fixtures;

/// <summary>
/// The service on its embedded defaults (sample catalog, in-memory secrets, development signing key) on a loopback
/// port, and one headless chromium shared by the tests of a class. Each test opens its own page (a fresh context).
/// </summary>
public class ConsoleFixture : IAsyncLifetime
{
    private ChromiumBrowser? browser;

    public ServiceHost Host { get; } = new();

    /// <summary>The root the browser opens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Host.BaseAddress;

    public IBrowser Browser => browser?.Browser ?? throw new InvalidOperationException(ChromiumBrowser.MissingMessage);

    public virtual async Task InitializeAsync()
    {
        await ConfigureAsync(Host);
        Host.Start();
        browser = await ChromiumBrowser.TryLaunchAsync();
    }

    /// <summary>Opens a page named after the calling test (for its screenshots) at a laptop's size unless told otherwise.</summary>
    public Task<ConsolePage> OpenPageAsync(ViewportSize? viewport = null, [CallerFilePath] string file = "", [CallerMemberName] string test = "") =>
        ConsolePage.OpenAsync(Browser, BaseAddress, $"{Path.GetFileNameWithoutExtension(file)}.{test}", viewport);

    /// <summary>A development token for this host, as <c>dev-token --org … --role …</c> prints it.</summary>
    public string Token(string organization, OrganizationRole role = OrganizationRole.Admin, string user = "developer") =>
        DevTokens.Mint(Host, organization, role, user);

    public virtual async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        await Host.DisposeAsync();
    }

    /// <summary>Settings for the host before it starts (emulators, intervals); the embedded defaults set none.</summary>
    protected virtual Task ConfigureAsync(ServiceHost host) => Task.CompletedTask;
}
