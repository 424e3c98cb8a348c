using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recommender.Provisioning.Execution;
using Recommender.Provisioning.Operations;
using Recommender.Provisioning.Preflight;

namespace Recommender.Provisioning;

public static class ProvisioningServiceCollectionExtensions
{
    /// <summary>
    /// Registers the operations store: <see cref="PostgresOperationStore"/> when <c>Provisioning:PostgreSql</c> is set
    /// (several replicas), else <see cref="SqliteOperationStore"/> on <c>Provisioning:SqlitePath</c>, by default
    /// <c>{DataDirectory}/operations.db</c>; <see cref="OperationStoreInitializer"/>, which creates its schema at start;
    /// <see cref="ProvisioningService"/> (the facade), <see cref="LayoutPreflight"/>, <see cref="OperationExecutor"/> and,
    /// unless <c>Provisioning:Runner:Enabled</c> is false, the <see cref="ProvisioningRunner"/>. Needs the CS client
    /// (<c>AddAlibaba</c>), the secret store (<c>AddSecrets</c>) and an <c>ICatalog</c> from the host.
    /// </summary>
    public static IServiceCollection AddProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDirectory = DataDirectoryPath.Resolve(configuration);
        services.AddOptions<ProvisioningOptions>()
            .Bind(configuration.GetSection(ProvisioningOptions.SectionName))
            .PostConfigure(o => o.SqlitePath = string.IsNullOrWhiteSpace(o.SqlitePath)
                ? Path.Combine(dataDirectory, "operations.db")
                : Path.GetFullPath(o.SqlitePath))
            .Validate(o => o.PriceDriftMargin > 0 && o.MaxConcurrentOperations >= 1 && o.MaxStepAttempts >= 1,
                "Provisioning:PriceDriftMargin must be positive, MaxConcurrentOperations and MaxStepAttempts at least 1.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.ClusterPollInterval > TimeSpan.Zero
                && o.NodePoolPollInterval > TimeSpan.Zero && o.WaitTimeout > TimeSpan.Zero,
                "Provisioning: LeaseDuration, PollInterval, ClusterPollInterval, NodePoolPollInterval and WaitTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IOperationStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ProvisioningOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.PostgreSql)
                ? new SqliteOperationStore(options.SqlitePath!)
                : new PostgresOperationStore(options.PostgreSql);
        });
        services.AddHostedService<OperationStoreInitializer>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OperationSignal>();
        services.TryAddSingleton<LayoutPreflight>();
        services.TryAddSingleton<OperationExecutor>();
        services.TryAddSingleton<ProvisioningService>();
        services.TryAddSingleton<ProvisioningRunner>();
        if (configuration.GetValue<bool?>($"{ProvisioningOptions.SectionName}:Runner:Enabled") != false)
        {
            services.AddHostedService(sp => sp.GetRequiredService<ProvisioningRunner>());
        }

        return services;
    }
}
