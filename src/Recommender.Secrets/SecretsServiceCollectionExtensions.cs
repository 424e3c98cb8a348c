using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Core.Cloud;
using Recommender.Secrets.Vault;

namespace Recommender.Secrets;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>The named HttpClient the Vault client is built on.</summary>
    public const string VaultHttpClientName = "Recommender.Vault";

    /// <summary>
    /// Registers the secret store: Vault when <c>Secrets:Vault:Address</c> is set (<see cref="VaultSecretStore"/> over
    /// <see cref="HttpVaultClient"/>, with <see cref="VaultTokenRenewer"/> as a hosted service), else the in-memory
    /// development store (the host warns about it and refuses it in Production); <see cref="SecretService"/>; and
    /// <see cref="SecretStoreCredentialSource"/> as the <see cref="ICredentialSource"/>, wrapping the one registered
    /// before this call (configuration) as the service account's fallback. Call after the cloud provider's AddXxx.
    /// </summary>
    public static IServiceCollection AddSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SecretsOptions>()
            .Bind(configuration.GetSection(SecretsOptions.SectionName))
            .Validate(o => string.IsNullOrEmpty(o.ServiceAccountOrganization) == string.IsNullOrEmpty(o.ServiceAccountSecretName),
                "Secrets:ServiceAccountOrganization and Secrets:ServiceAccountSecretName go together.")
            .Validate(o => o.CredentialCacheTime >= TimeSpan.Zero, "Secrets:CredentialCacheTime must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        var vault = configuration.GetSection(VaultOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(vault["Address"]))
        {
            services.AddVault(vault);
            services.TryAddSingleton<ISecretStore, VaultSecretStore>();
        }

        services.TryAddSingleton<ISecretStore, InMemorySecretStore>();
        services.TryAddSingleton<CredentialCache>();
        services.TryAddSingleton(sp => new SecretStoreProbe(sp.GetRequiredService<TimeProvider>(), sp.GetService<IVaultClient>()));
        services.TryAddSingleton(sp => new SecretService(
            sp.GetRequiredService<ISecretStore>(), sp.GetRequiredService<CredentialCache>(), sp.GetService<ICredentialCheck>()));

        // Decorate whatever ICredentialSource came before (configuration), so the service account can still come from it.
        var previous = services.LastOrDefault(d => d.ServiceType == typeof(ICredentialSource));
        Func<IServiceProvider, ICredentialSource> fallback = previous switch
        {
            null => _ => NoCredentials.Instance,
            { ImplementationInstance: ICredentialSource instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (ICredentialSource)factory(sp),
            { ImplementationType: { } type } => sp => (ICredentialSource)ActivatorUtilities.CreateInstance(sp, type),
            _ => _ => NoCredentials.Instance,
        };
        if (previous is not null)
        {
            services.Remove(previous);
        }

        services.AddSingleton<ICredentialSource>(sp => new SecretStoreCredentialSource(
            sp.GetRequiredService<ISecretStore>(), fallback(sp), sp.GetRequiredService<CredentialCache>(),
            sp.GetRequiredService<IOptions<SecretsOptions>>()));
        return services;
    }

    /// <summary>
    /// The Vault client, as a singleton (it holds the token) over one HttpClient whose handler recycles connections
    /// (DNS changes are seen) and never follows redirects (a standby's 307 would carry the token to another address).
    /// The client owns retries and timeouts, so the HttpClient has no resilience handler and no timeout of its own.
    /// </summary>
    private static void AddVault(this IServiceCollection services, IConfigurationSection section)
    {
        services.AddOptions<VaultOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VaultOptions>, VaultOptionsValidator>());
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental but the supported way to opt one client out.
        services.AddHttpClient(VaultHttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                UseCookies = false,
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.TryAddSingleton<IVaultClient>(sp => new HttpVaultClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(VaultHttpClientName),
            sp.GetRequiredService<IOptions<VaultOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HttpVaultClient>>()));
        services.TryAddSingleton<VaultTokenRenewer>();
        services.AddHostedService(sp => sp.GetRequiredService<VaultTokenRenewer>());
    }

    private sealed class NoCredentials : ICredentialSource
    {
        public static readonly NoCredentials Instance = new();

        public Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct) => Task.FromResult<CloudCredentials?>(null);
    }
}
