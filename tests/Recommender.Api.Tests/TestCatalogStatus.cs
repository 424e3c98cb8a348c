using Recommender.Core.Catalog;

namespace Recommender.Api.Tests;

/// <summary>Settable <see cref="ICatalogStatus"/> until the real one is merged; <see cref="NextError"/> makes calls fail.</summary>
public sealed class TestCatalogStatus : ICatalogStatus
{
    public CatalogHealthReport Health { get; set; } =
        new(true, "memory", StoreState.Available, null, new DateTimeOffset(2026, 1, 1, 0, 5, 0, TimeSpan.Zero));

    public IReadOnlyList<RegionCatalogStatus> Regions { get; set; } = [];

    public Exception? NextError { get; set; }

    public CatalogHealthReport GetHealth()
    {
        ThrowIfArmed();
        return Health;
    }

    public IReadOnlyList<RegionCatalogStatus> GetRegions()
    {
        ThrowIfArmed();
        return Regions;
    }

    private void ThrowIfArmed()
    {
        if (NextError is { } e)
        {
            NextError = null;
            throw e;
        }
    }
}
