using Recommender.Core.Catalog;

namespace Recommender.Expander.Tests;

/// <summary>An <see cref="ICatalog"/> whose snapshot a test sets; <see cref="Gate"/>, when set, holds every read until released.</summary>
public sealed class TestCatalog(CatalogSnapshot snapshot) : ICatalog
{
    private CatalogSnapshot current = snapshot;

    public ManualResetEventSlim? Gate { get; set; }

    public CatalogSnapshot Current
    {
        get
        {
            Gate?.Wait(TimeSpan.FromSeconds(10));
            return current;
        }

        set => current = value;
    }
}
