namespace Recommender.Core.Cloud;

/// <summary>
/// Where cloud credentials come from: configuration or the secret store for the service's own account, the secret
/// store (Vault) for an organisation's. The only way secret values reach code, and the only code that should ask is the
/// request signer. Callers fetch per use and never cache beyond <see cref="CloudCredentials.ExpiresAt"/>.
/// </summary>
public interface ICredentialSource
{
    /// <summary>
    /// Credentials for <paramref name="reference"/>, or null when none are configured or stored under it. Throws
    /// <see cref="Errors.SecretsUnavailableException"/> when the store cannot answer.
    /// </summary>
    Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct);
}
