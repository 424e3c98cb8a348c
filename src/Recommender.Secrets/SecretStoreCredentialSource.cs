using Microsoft.Extensions.Options;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;

namespace Recommender.Secrets;

/// <summary>
/// <see cref="ICredentialSource"/> over the secret store: an organisation's reference reads that organisation's ALIBABA
/// secret; the service's own account reads the configured secret (<see cref="SecretsOptions.ServiceAccountOrganization"/>)
/// or, when none is configured, asks <c>fallback</c> (configuration). Values are kept for
/// <see cref="SecretsOptions.CredentialCacheTime"/> so that a burst of signed calls reads the store once.
/// </summary>
public sealed class SecretStoreCredentialSource(
    ISecretStore store,
    ICredentialSource fallback,
    CredentialCache cache,
    IOptions<SecretsOptions> options) : ICredentialSource
{
    private readonly SecretsOptions settings = options.Value;

    public async Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Organization is { } organization)
        {
            return await ReadAsync(organization, reference.Name, ct).ConfigureAwait(false);
        }

        if (settings.ServiceAccountOrganization is { Length: > 0 } serviceOrganization && settings.ServiceAccountSecretName is { Length: > 0 } name)
        {
            return await ReadAsync(serviceOrganization, SecretIds.FromName(name), ct).ConfigureAwait(false);
        }

        return await fallback.GetAsync(reference, ct).ConfigureAwait(false);
    }

    private async Task<CloudCredentials?> ReadAsync(string organization, string id, CancellationToken ct)
    {
        if (cache.TryGet(organization, id, out var cached))
        {
            return cached;
        }

        var values = await store.ReadValuesAsync(organization, id, ct).ConfigureAwait(false);
        if (values is null)
        {
            return null;
        }

        var credentials = ToCredentials(values, id);
        cache.Add(organization, id, credentials, settings.CredentialCacheTime);
        return credentials;
    }

    private static CloudCredentials ToCredentials(SecretValues values, string id)
    {
        var keyId = values[SecretSchema.AlibabaAccessKeyId];
        var keySecret = values[SecretSchema.AlibabaAccessKeySecret];
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(keySecret))
        {
            // Only reachable if something other than this service wrote the secret; name the fields, not the values.
            throw new ValidationException("secretId",
                $"Secret {id} is not an ALIBABA secret with {SecretSchema.AlibabaAccessKeyId} and {SecretSchema.AlibabaAccessKeySecret}.");
        }

        return new CloudCredentials(keyId, keySecret);
    }
}
