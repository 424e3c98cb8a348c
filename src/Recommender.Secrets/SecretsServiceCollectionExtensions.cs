using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Recommender.Secrets;

public static class SecretsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the secret store: Vault when <c>Secrets:Vault:Address</c> is set, else the in-memory development store
    /// (the host warns about it and refuses it in Production).
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
        return services;
    }
}
