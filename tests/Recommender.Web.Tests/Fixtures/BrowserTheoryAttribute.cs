namespace Recommender.Web.Tests.Fixtures;

/// <summary>A browser test with data: skipped, saying why, when chromium is not installed (as <see cref="BrowserFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!ChromiumBrowser.IsInstalled)
        {
            Skip = ChromiumBrowser.MissingMessage;
        }
    }
}
