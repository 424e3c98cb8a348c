using Recommender.Core.Catalog;

namespace Recommender.Api.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>Registers the catalog: store, the in-process snapshot holder, and what keeps them loaded.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<ICatalogStore, InMemoryCatalogStore>();
        services.AddSingleton<InProcessCatalog>();
        services.AddSingleton<ICatalog>(sp => sp.GetRequiredService<InProcessCatalog>());
        services.AddSingleton<ICatalogPublisher>(sp => sp.GetRequiredService<InProcessCatalog>());
        return services;
    }
}
