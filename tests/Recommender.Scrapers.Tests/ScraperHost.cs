using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Scheduling;
using Recommender.Scrapers.Status;

namespace Recommender.Scrapers.Tests;

/// <summary>A service container wired like the API host (AddScrapers over a real catalog), without ASP.NET.</summary>
public sealed class ScraperHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public ScraperHost(IDictionary<string, string?> settings, ICloudProvider? provider, ICredentialSource? credentials)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        collection.AddSingleton(Catalog);
        collection.AddSingleton<ICatalog>(Catalog);
        collection.AddSingleton<ICatalogPublisher>(Catalog);
        if (provider is not null)
        {
            collection.AddSingleton(provider);
        }

        if (credentials is not null)
        {
            collection.AddSingleton(credentials);
        }

        collection.AddScrapers(configuration);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public InProcessCatalog Catalog { get; } = new(new InMemoryCatalogStore());

    public IServiceProvider Services => services;

    public ScraperHostedService Scrapers => services.GetRequiredService<ScraperHostedService>();

    public IRefreshStatus Status => services.GetRequiredService<IRefreshStatus>();

    public Task StartAsync() => Scrapers.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Scrapers.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }
}
