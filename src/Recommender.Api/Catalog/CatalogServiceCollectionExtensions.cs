using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;
using Recommender.Redis;
using StackExchange.Redis;

namespace Recommender.Api.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>Key of the Redis connection string; when set the catalog store is Redis, else in memory.</summary>
    public const string RedisConfigurationKey = "Redis:Configuration";

    /// <summary>Prefix of every key the catalog writes in Redis (default <see cref="RedisCatalogStore.DefaultKeyPrefix"/>).</summary>
    public const string RedisKeyPrefixKey = "Redis:KeyPrefix";

    /// <summary>
    /// Registers the catalog: the store (Redis when <c>Redis:Configuration</c> is set), the in-process snapshot holder
    /// as <see cref="ICatalog"/> and <see cref="ICatalogPublisher"/>, <see cref="ICatalogStatus"/>, the snapshot
    /// importer, the start-up loader and the store synchronizer.
    /// </summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CatalogOptions>()
            .Bind(configuration.GetSection(CatalogOptions.SectionName))
            // An empty value (e.g. an unset environment variable) means "no file", the same as an absent key.
            .PostConfigure(o => o.File = NonEmpty(o.File) ?? NonEmpty(configuration[CatalogOptions.CommandLineKey]))
            .Validate(o => o.SyncInterval > TimeSpan.Zero, "Catalog:SyncInterval must be positive.")
            .Validate(o => o.StaleAfter > TimeSpan.Zero, "Catalog:StaleAfter must be positive.")
            .ValidateOnStart();

        var storeKind = AddStore(services, configuration);
        services.AddSingleton(sp => new InProcessCatalog(sp.GetRequiredService<ICatalogStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICatalog>(sp => sp.GetRequiredService<InProcessCatalog>());
        services.AddSingleton<ICatalogPublisher>(sp => sp.GetRequiredService<InProcessCatalog>());
        services.AddSingleton<ICatalogStatus>(sp => new CatalogStatus(
            sp.GetRequiredService<InProcessCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CatalogOptions>>(),
            storeKind));
        services.AddSingleton<CatalogImporter>();
        services.AddSingleton<CatalogLoader>();
        services.AddHostedService<CatalogStartupService>();
        services.AddHostedService<CatalogStoreSynchronizer>();
        return services;
    }

    private static string AddStore(IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration[RedisConfigurationKey];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<ICatalogStore, InMemoryCatalogStore>();
            return CatalogStatus.MemoryStore;
        }

        var prefix = configuration[RedisKeyPrefixKey] ?? RedisCatalogStore.DefaultKeyPrefix;
        services.TryAddSingleton<IConnectionMultiplexer>(_ => RedisConnections.Connect(redis));
        services.AddSingleton<ICatalogStore>(sp => new RedisCatalogStore(sp.GetRequiredService<IConnectionMultiplexer>(), prefix));
        return CatalogStatus.RedisStore;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
