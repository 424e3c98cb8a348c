using Recommender.Core.Catalog;

namespace Recommender.Expander.Tests;

/// <summary>An <see cref="ICatalog"/> whose snapshot a test sets, and whose next read can be held until a gate opens.</summary>
public sealed class TestCatalog(CatalogSnapshot snapshot) : ICatalog
{
    private CatalogSnapshot current = snapshot;
    private ManualResetEventSlim? gate;

    public CatalogSnapshot Current
    {
        get
        {
            Interlocked.Exchange(ref gate, null)?.Wait(TimeSpan.FromSeconds(10));
            return current;
        }

        set => current = value;
    }

    /// <summary>The next read (only that one) waits for <paramref name="opens"/> (at most 10 s).</summary>
    public void HoldNextRead(ManualResetEventSlim opens) => gate = opens;
}
