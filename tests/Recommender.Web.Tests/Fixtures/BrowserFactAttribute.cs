namespace Recommender.Web.Tests.Fixtures;

/// <summary>A test that drives chromium: skipped, saying why, when the browser is not installed (xunit 2 cannot skip at run time).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!ChromiumBrowser.IsInstalled)
        {
            Skip = ChromiumBrowser.MissingMessage;
        }
    }
}
