using Recommender.Core.Catalog;

namespace Recommender.Scrapers.Tests.Fakes;

/// <summary>Passes publishes to the real catalog unless <see cref="NextError"/> is set (then throws it, once).</summary>
public sealed class FlakyPublisher(ICatalogPublisher inner) : ICatalogPublisher
{
    public Exception? NextError { get; set; }

    public Task PublishAsync(RegionCatalog region, CancellationToken ct)
    {
        if (NextError is { } error)
        {
            NextError = null;
            throw error;
        }

        return inner.PublishAsync(region, ct);
    }
}
