namespace Recommender.Secrets;

/// <summary>
/// Organisations' secrets. Every call names the organisation and only ever sees that organisation's secrets: an id of
/// another organisation's secret is simply not found. Metadata comes out; values go in, and come out only through
/// <see cref="ReadValuesAsync"/>, which only the credential source calls. A store that cannot answer throws
/// <see cref="Core.Errors.SecretsUnavailableException"/> and has changed nothing it did not report.
/// </summary>
public interface ISecretStore
{
    /// <summary>Stores a new secret at version 1; <see cref="Core.Errors.ConflictException"/> when the name is taken.</summary>
    Task<SecretMetadata> CreateAsync(string organization, SecretDraft draft, string actor, CancellationToken ct);

    /// <summary>
    /// Replaces name-keyed secret <paramref name="id"/> if it is still at <paramref name="expectedVersion"/>
    /// (check-and-set), else <see cref="Core.Errors.ConflictException"/>; <see cref="Core.Errors.NotFoundException"/> when absent.
    /// The draft's name must be the secret's own (the id is its hash).
    /// </summary>
    Task<SecretMetadata> UpdateAsync(string organization, string id, SecretDraft draft, long expectedVersion, string actor, CancellationToken ct);

    /// <summary>The secret's metadata, or null when the organisation has no secret with that id.</summary>
    Task<SecretMetadata?> GetAsync(string organization, string id, CancellationToken ct);

    /// <summary>The organisation's secrets, by name.</summary>
    Task<IReadOnlyList<SecretMetadata>> ListAsync(string organization, CancellationToken ct);

    /// <summary>Deletes every version; false when there was nothing to delete.</summary>
    Task<bool> DeleteAsync(string organization, string id, CancellationToken ct);

    /// <summary>The values of the latest version, for the credential source alone; null when absent.</summary>
    Task<SecretValues?> ReadValuesAsync(string organization, string id, CancellationToken ct);
}
