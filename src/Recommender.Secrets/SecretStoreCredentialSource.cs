using System.Collections.Concurrent;
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
    IOptions<SecretsOptions> options,
    TimeProvider time) : ICredentialSource
{
    private readonly SecretsOptions settings = options.Value;
    private readonly ConcurrentDictionary<(string Organization, string Id), (CloudCredentials? Credentials, DateTimeOffset Until)> cache = new();

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

    /// <summary>Forgets what was read for one secret; the store calls this on update and delete.</summary>
    public void Forget(string organization, string id) => cache.TryRemove((organization, id), out _);

    private async Task<CloudCredentials?> ReadAsync(string organization, string id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue((organization, id), out var cached) && cached.Until > now)
        {
            return cached.Credentials;
        }

        var values = await store.ReadValuesAsync(organization, id, ct).ConfigureAwait(false);
        var credentials = values is null ? null : ToCredentials(values, id);
        if (credentials is not null)
        {
            cache[(organization, id)] = (credentials, now + settings.CredentialCacheTime);
        }

        return credentials;
    }

    private static CloudCredentials ToCredentials(SecretValues values, string id)
    {
        var keyId = values[SecretSchema.AlibabaAccessKeyId];
        var keySecret = values[SecretSchema.AlibabaAccessKeySecret];
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(keySecret))
        {
            // Only reachable if something other than this service wrote the secret; name the fields, not the values.
            throw new ValidationException("secretId", $"Secret {id} is not an ALIBABA secret with {SecretSchema.AlibabaAccessKeyId} and {SecretSchema.AlibabaAccessKeySecret}.");
        }

        return new CloudCredentials(keyId, keySecret);
    }
}
