using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Metrics;
using Recommender.Scrapers.Refresh;
using Recommender.Scrapers.Status;
using Recommender.Scrapers.Tests.Builders;
using Recommender.Scrapers.Tests.Fakes;

namespace Recommender.Scrapers.Tests;

/// <summary>The real refresher, status and metrics over the fake provider, a real in-process catalog and a fake clock.</summary>
public sealed class ScraperTestEnvironment : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public ScraperTestEnvironment(Action<ScraperOptions>? configure = null)
    {
        configure?.Invoke(Options);
        Store = new InMemoryCatalogStore();
        Catalog = new InProcessCatalog(Store);
        Publisher = new FlakyPublisher(Catalog);
        Provider = new FakeCloudProvider(Time);
        Status = new RefreshStatusRegistry(Catalog, Microsoft.Extensions.Options.Options.Create(Options), Time);
        Metrics = new ScraperMetrics(Status);
        Refresher = new CatalogRefresher(
            [Provider], Catalog, Publisher, Status, Metrics, Microsoft.Extensions.Options.Options.Create(Options), Time,
            NullLogger<CatalogRefresher>.Instance);
    }

    public ScraperOptions Options { get; } = new() { MaxJitter = TimeSpan.Zero };

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryCatalogStore Store { get; }

    public InProcessCatalog Catalog { get; }

    public FlakyPublisher Publisher { get; }

    public FakeCloudProvider Provider { get; }

    public RefreshStatusRegistry Status { get; }

    public ScraperMetrics Metrics { get; }

    public CatalogRefresher Refresher { get; }

    public RegionKey Key(string region) => new(Provider.Name, region);

    /// <summary>Regions r1..rN listed by the provider.</summary>
    public ScraperTestEnvironment WithRegions(params string[] ids)
    {
        Provider.Regions.AddRange(ids.Select(id => Catalogs.Region(id)));
        return this;
    }

    public RefreshKindStatus Kind(string region, RefreshKind kind) =>
        Status.Find(Key(region))!.Kinds.Single(k => k.Kind == kind);

    public void Dispose() => Metrics.Dispose();
}
