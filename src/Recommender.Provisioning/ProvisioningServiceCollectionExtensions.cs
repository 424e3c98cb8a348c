using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning;

public static class ProvisioningServiceCollectionExtensions
{
    /// <summary>
    /// Registers the operations store: <see cref="PostgresOperationStore"/> when <c>Provisioning:PostgreSql</c> is set
    /// (several replicas), else <see cref="SqliteOperationStore"/> on <c>Provisioning:SqlitePath</c>, by default
    /// <c>{DataDirectory}/operations.db</c>; and <see cref="OperationStoreInitializer"/>, which creates its schema at start.
    /// </summary>
    public static IServiceCollection AddProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDirectory = DataDirectoryPath.Resolve(configuration);
        services.AddOptions<ProvisioningOptions>()
            .Bind(configuration.GetSection(ProvisioningOptions.SectionName))
            .PostConfigure(o => o.SqlitePath = string.IsNullOrWhiteSpace(o.SqlitePath)
                ? Path.Combine(dataDirectory, "operations.db")
                : Path.GetFullPath(o.SqlitePath));
        services.TryAddSingleton<IOperationStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ProvisioningOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.PostgreSql)
                ? new SqliteOperationStore(options.SqlitePath!)
                : new PostgresOperationStore(options.PostgreSql);
        });
        services.AddHostedService<OperationStoreInitializer>();
        return services;
    }
}
