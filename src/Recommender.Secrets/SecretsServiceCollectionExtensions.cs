using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recommender.Core.Cloud;

namespace Recommender.Secrets;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the secret store (Vault when <c>Secrets:Vault:Address</c> is set, else the in-memory development
    /// store, which the host warns about and refuses in Production), <see cref="SecretService"/>, and
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
        services.TryAddSingleton<ISecretStore, InMemorySecretStore>();
        services.TryAddSingleton<CredentialCache>();
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

    private sealed class NoCredentials : ICredentialSource
    {
        public static readonly NoCredentials Instance = new();

        public Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct) => Task.FromResult<CloudCredentials?>(null);
    }
}
